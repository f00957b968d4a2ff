import { outlineLectureSpec } from './outline';

outlineLectureSpec('04-backprop', 4);
