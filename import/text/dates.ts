/**
 * Dates: ISO normalisation (partial allowed: "2023", "2023-07", "2023-07-27") of absolute and relative
 * expressions. Relative ones ("on Tuesday", "last month") are resolved against the document's date when
 * it is known; otherwise only what the text itself fixes is kept.
 */
import * as chrono from 'chrono-node';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Normalises a metadata date ("2024-06-18T09:00:00Z", "June 18, 2024", a Date) to an ISO day; undefined if unparseable. */
export function toIsoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value.trim());
  if (iso) return [iso[1], iso[2], iso[3]].filter(Boolean).join('-');
  const parsed = chrono.parse(value, new Date(Date.UTC(2000, 0, 1)))[0];
  return parsed ? componentsToIso(parsed.start, true) : undefined;
}

export interface DateMention {
  start: number; // offset into the text passed in
  end: number;
  text: string;
  iso?: string; // undefined when the expression cannot be fixed (relative, no document date)
}

/**
 * The dates of each sentence of a document, with document offsets. A day without a year ("On February
 * 11-12") takes the year the narrative is in: a year earlier in the same sentence, or the year the
 * sentence before it in the paragraph opened with ("By early 2015 …"). Otherwise the document's date decides, as it
 * does in a wire story, where "Kim visited Russia in 2019. On Sept. 13 he arrived …" is this year's.
 */
export function datesOfSentences(
  sentences: ReadonlyArray<{ start: number; text: string; paragraph: number }>,
  reference?: string,
): DateMention[][] {
  let carried: number | undefined;
  return sentences.map((s, i) => {
    if (sentences[i - 1]?.paragraph !== s.paragraph) carried = undefined;
    const found = findDates(s.text, reference, carried).map((d) => ({
      ...d,
      start: d.start + s.start,
      end: d.end + s.start,
    }));
    carried = frameYear(s.text);
    return found;
  });
}

/**
 * A year that places what follows in time: "in 2015", "by early 2015", "since 1994", "9 February 2000";
 * not a year that names a thing ("the 2015 agreement", "the Budapest Memorandum of 1994").
 */
const ANCHORING_YEAR =
  /\b(?:(?:in|by|since|until|from|during|early|late|mid|end of|spring|summer|autumn|fall|winter|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?)[\s-]+|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+)((?:1[6-9]|20)\d\d)\b/gi;

/** The year a sentence opens with ("In July 1961, …", "By early 2015 …"): the frame of what follows. */
function frameYear(text: string): number | undefined {
  const m = [...text.matchAll(ANCHORING_YEAR)][0];
  return m && m.index <= 12 ? Number(m[1]) : undefined;
}

function lastAnchoringYear(text: string, before = text.length): number | undefined {
  let year: number | undefined;
  for (const m of text.slice(0, before).matchAll(ANCHORING_YEAR)) year = Number(m[1]);
  return year;
}

/**
 * Finds date expressions in a piece of text. `reference` is the document date (ISO) when known;
 * `narrativeYear` the year the text before this piece placed the story in.
 */
export function findDates(text: string, reference?: string, narrativeYear?: number): DateMention[] {
  const ref = reference ? isoToDate(reference) : undefined;
  const whole = text;
  const before = (at: number): string => text.slice(Math.max(0, at - 80), at);
  const results = chrono.parse(text, ref ?? new Date(Date.UTC(2000, 0, 1)), { forwardDate: false });
  const out: DateMention[] = [];
  for (const r of results) {
    // chrono reads a bare "May" or "March" as a month only when it is plausibly a date, but we also drop
    // obvious non-dates such as a person called "Monday" (handled by callers) and bare times.
    if (
      !r.start.isCertain('year') &&
      !r.start.isCertain('month') &&
      !r.start.isCertain('weekday') &&
      !r.start.isCertain('day') &&
      !ref
    ) {
      continue;
    }
    if (/^\d{1,2}(:\d\d)?\s*(am|pm)?$/i.test(r.text.trim())) continue;
    // "all-night talks", "overnight": a part of a day, not a day
    if (/^(?:to)?(?:night|morning|evening|afternoon|noon|midnight)$/i.test(r.text.trim())) continue;
    let iso = resolveIso(r, ref, lastAnchoringYear(whole, r.index) ?? narrativeYear);
    // "on Monday" in a story dated Friday is the Monday before it, unless the clause speaks of the future
    if (ref && r.start.isCertain('weekday') && !r.start.isCertain('day') && !/\bnext\b/i.test(r.text))
      iso = FUTURE.test(before(r.index)) ? iso : weekdayOnOrBefore(ref, r.start.get('weekday') ?? 0);
    const lower = r.text.toLowerCase();
    if (iso && /\byear\b/.test(lower)) iso = iso.slice(0, 4);
    else if (iso && /\bmonth\b/.test(lower)) iso = iso.slice(0, 7);
    const text = r.text.replace(/[\s,.;:]+$/, '');
    // "their first summit in four years" is a span of time, not a day four years ahead: a relative
    // expression fixes a future day only when the clause says the future.
    if (iso && ref && !/\b(?:1[6-9]|20)\d\d\b/.test(r.text) && iso > isoOf(ref) && !FUTURE.test(before(r.index)))
      iso = undefined;
    out.push({ start: r.index, end: r.index + text.length, text, iso: iso || undefined });
  }
  // chrono leaves bare years alone: "in 2006", "since 2012".
  for (const m of text.matchAll(/\b(?:in|since|of|by|until|from)\s+((?:19|20)\d\d)\b(?![-–]\d)/g)) {
    const start = m.index + m[0].length - 4;
    if (out.some((d) => d.start <= start && d.end >= start + 4)) continue;
    out.push({ start, end: start + 4, text: m[1], iso: m[1] });
  }
  return out.sort((a, b) => a.start - b.start);
}

const FUTURE =
  /\b(?:will|would|shall|next|plans?|planned|planning|scheduled|due|expected|upcoming|coming|later|soon|going to|intends?|to be held)\b|['’]ll\b/i;
const isoOf = (d: Date): string => d.toISOString().slice(0, 10);

function resolveIso(r: chrono.ParsedResult, ref: Date | undefined, narrativeYear?: number): string | undefined {
  const s = r.start;
  if (narrativeYear && !s.isCertain('year') && s.isCertain('month') && narrativeYear !== ref?.getUTCFullYear()) {
    const month = pad(s.get('month') ?? 1);
    return s.isCertain('day') ? `${narrativeYear}-${month}-${pad(s.get('day') ?? 1)}` : `${narrativeYear}-${month}`;
  }
  // "last month", "on Tuesday", "January 27": unknown without the document date
  if (!ref && (!s.isCertain('year') || !/\b(?:1[6-9]|20)\d\d\b/.test(r.text))) return undefined;
  const relative = !s.isCertain('year') && !s.isCertain('month') && !s.isCertain('day');
  if (relative) {
    // "last month", "on Tuesday", "this week": only meaningful against a known document date.
    if (!ref) return undefined;
    const text = r.text.toLowerCase();
    if (/\b(month)\b/.test(text)) return componentsToIso(s, false).slice(0, 7);
    if (/\byear\b/.test(text)) return componentsToIso(s, false).slice(0, 4);
    return componentsToIso(s, false);
  }
  if (!s.isCertain('year')) {
    if (!ref) return undefined; // "January 27" with no document date: the year is unknown
    // A date without a year is the latest such date not after the document date.
    const d = s.date();
    let year = ref.getUTCFullYear();
    const month = s.get('month') ?? 1;
    const day = s.isCertain('day') ? (s.get('day') ?? 1) : 1;
    if (Date.UTC(year, month - 1, day) > ref.getTime() + 7 * 86400000) year -= 1;
    void d;
    return s.isCertain('day') ? `${year}-${pad(month)}-${pad(day)}` : `${year}-${pad(month)}`;
  }
  return componentsToIso(s, true);
}

function componentsToIso(s: chrono.ParsedComponents, certainOnly: boolean): string {
  const year = s.get('year');
  const month = s.get('month');
  const day = s.get('day');
  if (year === null) return '';
  if (certainOnly && !s.isCertain('month')) return String(year);
  if (certainOnly && !s.isCertain('day')) return `${year}-${pad(month ?? 1)}`;
  return `${year}-${pad(month ?? 1)}-${pad(day ?? 1)}`;
}

function weekdayOnOrBefore(ref: Date, weekday: number): string {
  const back = (ref.getUTCDay() - weekday + 7) % 7;
  return isoOf(new Date(ref.getTime() - back * 86_400_000));
}

function isoToDate(iso: string): Date | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return undefined;
  return new Date(Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1), 12));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function isMonthName(word: string): boolean {
  return (
    MONTHS.includes(word.toLowerCase().replace(/\.$/, '')) ||
    /^(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/i.test(word)
  );
}

export function isWeekdayName(word: string): boolean {
  return /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i.test(word);
}
