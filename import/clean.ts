/**
 * Stage 2: clean. Decides which parts of the loaded text are the article: navigation, subscription and
 * newsletter pitches, share/cookie text, image credit lines and verbatim repeated paragraphs are dropped.
 * The text itself is never changed; the result is the list of kept [start, end) ranges, so every kept
 * character keeps its offset.
 */
import boilerplate from './lexicons/boilerplate.json';

const LINE = boilerplate.line.map((p) => new RegExp(p, 'i'));
const KEEP = boilerplate.keepLine.map((p) => new RegExp(p, 'i'));
const FRAGMENT = boilerplate.fragment.map((p) => new RegExp(p, 'i'));
const BLOCK_START = boilerplate.blockStart.map((p) => new RegExp(p, 'i'));
const NAV_SEPARATOR = new RegExp(boilerplate.navigationSeparator, 'g');

/** A line this long is article prose: it ends a dropped paywall or newsletter block. */
const PROSE_LINE = 200;

export function clean(text: string): Array<[number, number]> {
  const kept: Array<[number, number]> = [];
  const seen = new Set<string>();
  let inBlock = false;
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const trimmed = line.trim();
    if (!trimmed) continue;
    if (inBlock && trimmed.length < PROSE_LINE) continue;
    inBlock = false;
    if (BLOCK_START.some((re) => re.test(trimmed))) {
      inBlock = true;
      continue;
    }
    if (isNavigation(trimmed)) continue;
    if (LINE.some((re) => re.test(trimmed)) && !KEEP.some((re) => re.test(trimmed))) continue;
    const key = trimmed.replace(/\s+/g, ' ').toLowerCase();
    if (key.length >= 20 && seen.has(key)) continue; // paragraph repeated verbatim
    seen.add(key);
    let end = start + line.length;
    for (const re of FRAGMENT) {
      const m = re.exec(line);
      if (m) end = Math.min(end, start + m.index);
    }
    const lead = line.length - line.trimStart().length;
    const trail = text.slice(start, end).length - text.slice(start, end).trimEnd().length;
    if (end - trail > start + lead) kept.push([start + lead, end - trail]);
  }
  return kept;
}

/** "Flashpoints | Security | East Asia": short segments joined by separators. */
function isNavigation(line: string): boolean {
  const parts = line.split(NAV_SEPARATOR);
  return parts.length >= 3 && parts.every((p) => p.trim().split(/\s+/).length <= 4);
}

/** The kept text, for logging and tests: kept ranges joined by newlines. */
export function keptText(text: string, ranges: Array<[number, number]>): string {
  return ranges.map(([s, e]) => text.slice(s, e)).join('\n');
}
