import { outlineLectureSpec } from './outline';

outlineLectureSpec('08-regularization', 8);
