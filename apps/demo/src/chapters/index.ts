import type { ChapterName } from '../arguments.js';
import type { Chapter } from '../chapter.js';
import { concepts } from './concepts.js';
import { example1 } from './example-1.js';
import { example2 } from './example-2.js';
import { nested } from './nested.js';
import { sync } from './sync.js';

/** Every chapter by name; `CHAPTER_NAMES` gives the notebook's order. */
export const CHAPTERS: Readonly<Record<ChapterName, Chapter>> = {
  nested,
  sync,
  'example-1': example1,
  'example-2': example2,
  concepts,
};
