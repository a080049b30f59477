/**
 * The date a document carries in its text when its metadata has none: a masthead line near the top
 * ("Sept. 13, 2023 | 19:42 GMT | Updated Sept. 14, 2023", "By A. Writer | The Observer | 8 September 2023",
 * "Published 5 December 2024"), or else a wire dateline ("PARIS, Sept 17 (GPW) - France said on Friday…").
 * Relative dates in the body ("on Monday", "last month") resolve against it, so without it most events of
 * a plain-text article have no day.
 */
import * as chrono from 'chrono-node';

/** Masthead lines sit above the body; past this many non-empty lines a date is the story's, not the page's. */
const MASTHEAD_LINES = 12;
/** Words a masthead segment may carry around its date. */
const MASTHEAD_WORDS =
  /\b(?:published|updated|posted|last|modified|on|at|gmt|utc|cet|cest|est|edt|pst|pdt|bst|am|pm|a\.m|p\.m|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export function inferDocumentDate(text: string): string | undefined {
  return mastheadDate(text) ?? datelineDate(text);
}

function mastheadDate(text: string): string | undefined {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, MASTHEAD_LINES);
  for (const line of lines) {
    if (line.length > 160) continue; // a sentence of the story, or a caption
    for (const segment of line.split(/\s[|·•]\s|\s[—–-]{1,2}\s/)) {
      const found = chrono.parse(segment, new Date(Date.UTC(2000, 0, 1)))[0];
      if (!found || !found.start.isCertain('year') || !found.start.isCertain('month') || !found.start.isCertain('day'))
        continue;
      // The segment is the date and nothing more than its masthead words: "Published 5 December 2024, 19:10 CET".
      const rest = (segment.slice(0, found.index) + segment.slice(found.index + found.text.length))
        .replace(MASTHEAD_WORDS, '')
        .replace(/[\d:.,\s()]/g, '');
      if (rest.length > 0) continue;
      return iso(found.start.get('year')!, found.start.get('month')!, found.start.get('day')!);
    }
  }
  return undefined;
}

/**
 * "PALO ALTO, Calif., Nov 22 (Ledger Newswire) - Broadcom said on Wednesday…": a dateline gives the day but
 * not the year. The year is the latest one the text mentions, or the one after it when that makes the
 * weekday of the first sentence the dateline's own day (wire stories report what happened that day).
 */
function datelineDate(text: string): string | undefined {
  const m =
    /^\s*\p{Lu}[\p{Lu}\s.'’-]{2,40}(?:,\s*[\p{L}.\s]{2,30})?,\s+([A-Z][a-z]{2,8}\.?\s+\d{1,2})\s*(?:\([^)\n]{1,40}\))?\s*[-—–]/mu.exec(
      text,
    );
  if (!m) return undefined;
  const day = chrono.parse(m[1], new Date(Date.UTC(2000, 0, 1)))[0];
  if (!day?.start.isCertain('month') || !day.start.isCertain('day')) return undefined;
  const years = [...text.matchAll(/\b(?:19|20)\d\d\b/g)].map((y) => Number(y[0]));
  if (!years.length) return undefined;
  const latest = Math.max(...years);
  const month = day.start.get('month')!;
  const dom = day.start.get('day')!;
  const firstSentence = text
    .slice(m.index, m.index + 400)
    .split(/[.!?]\s/)[0]
    .toLowerCase();
  const weekday = WEEKDAYS.find((w) => new RegExp(`\\b${w}\\b`).test(firstSentence));
  const candidates = [latest + 1, latest].filter((y) => y <= new Date().getUTCFullYear());
  const year =
    (weekday
      ? candidates.find((y) => WEEKDAYS[new Date(Date.UTC(y, month - 1, dom)).getUTCDay()] === weekday)
      : undefined) ?? latest;
  return iso(year, month, dom);
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
