import { outlineLectureSpec } from './outline';

outlineLectureSpec('05-optimization', 5);
