import { outlineLectureSpec } from './outline';

outlineLectureSpec('06-training-1', 6);
