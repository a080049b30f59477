/**
 * How names are folded, one function per purpose; two folds that look alike fold different things on purpose,
 * and a third purpose (ids, which must be ASCII slugs) has `slugify` in ids.ts.
 */

/**
 * Names as analysts read them: case, accents and runs of spaces do not count ("Kim  Jŏng-un" and "kim jong-un");
 * punctuation does. What a curation compares names and aliases with (a merge's aliases, a split alias).
 */
export function foldForReading(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when two names read the same (foldForReading). */
export function sameName(a: string, b: string): boolean {
  return foldForReading(a) === foldForReading(b);
}

/**
 * What the search box matches exactly: case, dots and spacing do not count ("U.S." and "us"), accents do,
 * because Neo4j folds the stored names the same way in the search query itself (`replace(toLower(name), '.',
 * '')`, graph-repository.ts) and Cypher has no way to drop combining marks.
 */
export function foldForSearch(text: string): string {
  return text.toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ').trim();
}
