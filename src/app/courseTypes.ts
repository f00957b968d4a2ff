/** One section of a lecture, in the lecture's own order. */
export interface LectureSection {
  /** URL-safe id, unique within the lecture, e.g. "nearest-neighbour". */
  id: string;
  title: string;
  /** Two to four sentences in our own words: what the section teaches. Plain text. */
  summary: string;
  /** Key formulas of the section as KaTeX source (display mode), matching the notes. */
  formulas?: string[];
  /** Where the notes contain an error, what the correct version is (shown to the learner). */
  erratum?: string;
}

/** One lecture of the course (lectures 2-12). */
export interface LectureInfo {
  number: number;
  /** Route slug, e.g. "02-ml-basics". */
  slug: string;
  title: string;
  /** Four to eight short topic phrases for the home page. */
  topics: string[];
  sections: LectureSection[];
}
