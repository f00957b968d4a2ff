import { outlineLectureSpec } from './outline';

outlineLectureSpec('03-neural-networks', 3);
