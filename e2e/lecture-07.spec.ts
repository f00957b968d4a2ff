import { outlineLectureSpec } from './outline';

outlineLectureSpec('07-training-2', 7);
