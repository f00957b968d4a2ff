import { outlineLectureSpec } from './outline';

outlineLectureSpec('10-cnn-2', 10);
