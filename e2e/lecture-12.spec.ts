import { outlineLectureSpec } from './outline';

outlineLectureSpec('12-advanced', 12);
