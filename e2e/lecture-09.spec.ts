import { outlineLectureSpec } from './outline';

outlineLectureSpec('09-cnn', 9);
