/** Capitalised treaty names in running text, for recognition (which keeps other names out of them) and treaties. */
import { ORG_HEADS, TREATY_HEADS } from '../lexicon';

const CAPW = String.raw`\p{Lu}[\p{L}’'.]*(?:-\p{L}[\p{L}’'.]*)*`;
const TREATY_NAME = new RegExp(
  String.raw`(?:(?:19|20)\d\d\s+)?(?:${CAPW}(?:[\s-]+${CAPW})*\s+)?(?:${[...TREATY_HEADS].map((h) => h[0].toUpperCase() + h.slice(1)).join('|')})` +
    String.raw`(?:\s+(?:of|on|for|to)\s+(?:the\s+)?${CAPW}(?:\s+${CAPW})*(?:(?:,\s+|,?\s+and\s+)${CAPW}(?:\s+${CAPW})*)*){0,3}(?![\p{L}])`,
  'gu',
);

/** Capitalised treaty names: "1961 DPRK-Soviet Union Treaty of Friendship, Cooperation and Mutual Assistance". */
export function findTreatyNames(text: string): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  for (const m of text.matchAll(TREATY_NAME)) {
    let value = m[0];
    // "North Atlantic Treaty Organization" is an organisation
    if (
      /^\s+\p{Lu}\p{L}*/u.test(text.slice(m.index + value.length)) &&
      ORG_HEADS.has((/^\s+(\p{L}+)/u.exec(text.slice(m.index + value.length))?.[1] ?? '').toLowerCase())
    )
      continue;
    // strip sentence-initial "The"/"In" etc.
    const lead = /^(?:The|A|An|In|On|Under|Of|By)\s+/.exec(value);
    let start = m.index;
    if (lead) {
      start += lead[0].length;
      value = value.slice(lead[0].length);
    }
    if (!/\s/.test(value) && !/^\p{Lu}/u.test(value)) continue;
    if (/^(?:Treaty|Pact|Charter|Agreement|Accord|Deal)$/.test(value)) continue;
    out.push({ start, end: start + value.length, text: value });
  }
  return out;
}
