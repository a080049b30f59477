/**
 * The one owner of how mentions are stored: one `(:Entity)-[:MENTIONED_IN]->(:Document)` per entity and
 * document, its mentions as parallel lists `starts`, `ends`, `texts` (entry i of each is one mention:
 * UTF-16 offsets into the document's `text` and the surface form). Pure: values read back may be driver
 * integers, which are kept as they are when lists are split or united.
 */
import type { Mention } from '../../model/types';

export interface MentionProperties {
  starts: number[];
  ends: number[];
  texts: string[];
}

export const MENTION_LISTS = ['starts', 'ends', 'texts'] as const satisfies ReadonlyArray<keyof MentionProperties>;

type Props = Record<string, unknown>;

export function encodeMentions(mentions: readonly Mention[]): MentionProperties {
  return {
    starts: mentions.map((m) => m.start),
    ends: mentions.map((m) => m.end),
    texts: mentions.map((m) => m.text),
  };
}

function plainNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object' && 'toNumber' in value) return (value as { toNumber(): number }).toNumber();
  return Number(value);
}

function listOf(props: Props, key: string): unknown[] {
  const value = props[key];
  return Array.isArray(value) ? value : [];
}

/** The mentions a MENTIONED_IN relationship holds, in stored order. */
export function decodeMentions(document: string, props: Props): Mention[] {
  const ends = listOf(props, 'ends');
  const texts = listOf(props, 'texts');
  return listOf(props, 'starts').map((start, i) => ({
    document,
    start: plainNumber(start),
    end: plainNumber(ends[i]),
    text: String(texts[i] ?? ''),
  }));
}

function hasMentions(props: Props): boolean {
  return MENTION_LISTS.every((key) => Array.isArray(props[key]));
}

/**
 * Splits a MENTIONED_IN relationship's properties by a test on each mention's text: what stays and what
 * moves (split-alias). Null for a side left without mentions.
 */
export function partitionMentions(
  props: Props,
  moves: (text: string) => boolean,
): { keep: Props | null; move: Props | null } {
  if (!hasMentions(props)) return { keep: props, move: null };
  const keep: Props = { ...props, starts: [], ends: [], texts: [] };
  const move: Props = { ...props, starts: [], ends: [], texts: [] };
  listOf(props, 'texts').forEach((text, i) => {
    const side = moves(String(text)) ? move : keep;
    for (const key of MENTION_LISTS) (side[key] as unknown[]).push(listOf(props, key)[i]);
  });
  return {
    keep: (keep.starts as unknown[]).length ? keep : null,
    move: (move.starts as unknown[]).length ? move : null,
  };
}

/**
 * The lists of a MENTIONED_IN relationship that absorbs another (a merge): existing mentions first, then
 * the incoming ones at offsets it does not hold yet. Null when either side holds no mention lists.
 */
export function uniteMentions(existing: Props, incoming: Props): Record<string, unknown[]> | null {
  if (!hasMentions(existing) || !hasMentions(incoming)) return null;
  const key = (props: Props, i: number) => `${String(listOf(props, 'starts')[i])}:${String(listOf(props, 'ends')[i])}`;
  const united: Record<string, unknown[]> = Object.fromEntries(
    MENTION_LISTS.map((list) => [list, [...listOf(existing, list)]]),
  );
  const seen = new Set(listOf(existing, 'starts').map((_, i) => key(existing, i)));
  listOf(incoming, 'starts').forEach((_, i) => {
    const k = key(incoming, i);
    if (seen.has(k)) return;
    seen.add(k);
    for (const list of MENTION_LISTS) united[list].push(listOf(incoming, list)[i]);
  });
  return united;
}
