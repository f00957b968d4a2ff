import { outlineLectureSpec } from './outline';

outlineLectureSpec('11-rnn-transformers', 11);
