/**
 * Cuts a document into the pieces the reader shows: plain text, mentions (clickable) and the evidence
 * sentence (highlighted). Only what cleaning kept is shown; offsets are those of the document's `text`.
 * Pure: the DOM side turns each segment into a text node or an element with textContent.
 */
import type { DocumentDetails } from '../../graph/model/api-types';

export interface ReaderMention {
  entityId: string;
  entityType: string;
  entityName: string;
}

export interface ReaderSegment {
  start: number;
  end: number;
  text: string;
  mention: ReaderMention | null;
  highlighted: boolean; // inside the evidence sentence
  paragraphBreak: boolean; // a gap between kept ranges precedes this segment
}

export function readerSegments(
  doc: Pick<DocumentDetails, 'text' | 'keptRanges' | 'mentions'>,
  highlight: { start: number; end: number } | null,
): ReaderSegment[] {
  const text = doc.text;
  const ranges: Array<[number, number]> = (doc.keptRanges?.length ? doc.keptRanges : [[0, text.length]])
    .map(([s, e]) => [Math.max(0, s), Math.min(text.length, e)] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const mentions = [...(doc.mentions ?? [])]
    .filter((m) => m.end > m.start && m.start >= 0 && m.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof mentions = [];
  for (const m of mentions) if (!kept.length || m.start >= kept[kept.length - 1].end) kept.push(m);

  // Every offset where something starts or stops.
  const cuts = new Set<number>();
  for (const [s, e] of ranges) cuts.add(s).add(e);
  for (const m of kept) cuts.add(m.start).add(m.end);
  if (highlight) cuts.add(highlight.start).add(highlight.end);
  const points = [...cuts].sort((a, b) => a - b);

  const segments: ReaderSegment[] = [];
  let previousEnd = -1;
  for (const [rs, re] of ranges) {
    const inner = points.filter((p) => p > rs && p < re);
    const bounds = [rs, ...inner, re];
    for (let i = 0; i < bounds.length - 1; i++) {
      const start = bounds[i];
      const end = bounds[i + 1];
      const m = kept.find((k) => k.start <= start && k.end >= end) ?? null;
      segments.push({
        start,
        end,
        text: text.slice(start, end),
        mention: m ? { entityId: m.entityId, entityType: m.entityType, entityName: m.entityName } : null,
        highlighted: !!highlight && start >= highlight.start && end <= highlight.end,
        paragraphBreak: i === 0 && previousEnd >= 0 && rs > previousEnd,
      });
    }
    previousEnd = re;
  }
  return segments;
}

/**
 * Where a sentence stands in the text, when only its words and a nearby offset are known (a mention
 * inside it): the occurrence closest to `around`, or null when the text does not contain it.
 */
export function locateSentence(text: string, sentence: string, around: number): { start: number; end: number } | null {
  const needle = sentence.trim();
  if (!needle) return null;
  let best: number | null = null;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    const distance = around < at ? at - around : around > at + needle.length ? around - at - needle.length : 0;
    const bestDistance =
      best === null
        ? Infinity
        : around < best
          ? best - around
          : around > best + needle.length
            ? around - best - needle.length
            : 0;
    if (distance < bestDistance) best = at;
    if (distance === 0) break;
  }
  return best === null ? null : { start: best, end: best + needle.length };
}
