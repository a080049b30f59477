/**
 * Stage 3: segment. Splits the kept ranges into sentences with offsets into the document text. A kept
 * range is a paragraph or line; sentences never cross one. Abbreviations ("U.S.", "Mr.", "Apr.") do not end
 * a sentence.
 */
export interface Sentence {
  start: number;
  end: number;
  text: string;
  paragraph: number; // index of the kept range it comes from
  headline: boolean; // a title-like line: capitalised words, no sentence punctuation
}

const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof st sen rep gen adm col lt maj capt sgt gov amb pres rev jr sr co corp inc ltd no vs etc jan feb mar apr jun jul aug sep sept oct nov dec approx est fig'.split(
    ' ',
  ),
);

/**
 * The longest sentence the later stages see. Prose sentences stay far below (the seed corpus's longest is
 * about 400 characters; the engine parses at most 250 tokens of one); a longer run without a stop (a table
 * or list flattened into one line, a file with no punctuation) is cut at the last space before this length,
 * so that no stage ever works on one sentence as long as the file (99 KB without a stop took the rules 78 s).
 */
export const MAX_SENTENCE_CHARS = 2_000;

export function segment(text: string, keptRanges: Array<[number, number]>): Sentence[] {
  const sentences: Sentence[] = [];
  keptRanges.forEach(([rangeStart, rangeEnd], paragraph) => {
    const para = text.slice(rangeStart, rangeEnd);
    const headline = isHeadline(para);
    let from = 0;
    // A sentence ends at punctuation before a space and a capital, or, in text that lost its spaces
    // ("…on Monday.The ministry said"), between a lower-case word and a capitalised one.
    const boundary = /[.!?…]+["”’)\]]*(?:\[\d+\])?(?=\s+["“‘([]?[A-Z0-9])|(?<=\p{Ll}{2}[.!?])(?=[A-Z]\p{Ll})/gu;
    let m: RegExpExecArray | null;
    while ((m = boundary.exec(para))) {
      const glued = m[0] === ''; // the lookbehind form matches between the dot and the next word
      if (glued) boundary.lastIndex++;
      const end = m.index + m[0].length;
      if (!isSentenceEnd(para, glued ? m.index - 1 : m.index, glued ? '.' : m[0])) continue;
      push(from, end);
      from = end;
    }
    push(from, para.length);

    function push(s: number, e: number): void {
      while (e - s > MAX_SENTENCE_CHARS) {
        // Only the window before the limit is searched for a space, so cutting stays linear too.
        const half = s + MAX_SENTENCE_CHARS / 2;
        const space = para.slice(half, s + MAX_SENTENCE_CHARS).lastIndexOf(' ');
        let cut = space >= 0 ? half + space : s + MAX_SENTENCE_CHARS;
        if (/[\uDC00-\uDFFF]/.test(para[cut])) cut--; // never between the halves of a surrogate pair
        pushOne(s, cut);
        s = cut;
      }
      pushOne(s, e);
    }

    function pushOne(s: number, e: number): void {
      const raw = para.slice(s, e);
      const lead = raw.length - raw.trimStart().length;
      const body = raw.trim();
      if (!body) return;
      const start = rangeStart + s + lead;
      sentences.push({ start, end: start + body.length, text: body, paragraph, headline });
    }
  });
  return sentences;
}

function isSentenceEnd(para: string, dotIndex: number, match: string): boolean {
  if (!match.startsWith('.') || match.length > 1) {
    if (match.startsWith('.')) {
      // "U.S.”" or "Jr.)": check the word before the dot all the same.
    } else return true;
  }
  // Only the word before the dot matters: a bounded look-back keeps splitting linear in the paragraph.
  const before = para.slice(Math.max(0, dotIndex - 40), dotIndex);
  const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word) || /^\p{Lu}$/u.test(word)) {
    // "U.S." or "N." (an initial): a sentence ends here only if what follows is clearly a new sentence
    const after = para.slice(dotIndex + match.length).trimStart();
    return (
      /^(The|This|That|These|It|In|But|And|He|She|They|We|A|An|On|At|For|As|However)\b/.test(after) &&
      !/^\p{Lu}$/u.test(word)
    );
  }
  return !ABBREVIATIONS.has(word.toLowerCase());
}

/** "Why Is North Korea Supporting Russia on Ukraine?": mostly capitalised words, short. */
export function isHeadline(line: string): boolean {
  const words = line.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || words.length > 20) return false;
  const small = /^(a|an|the|of|on|in|to|for|and|or|but|at|by|with|from|as|vs\.?|is)$/;
  const content = words.filter((w) => !small.test(w));
  const capitalised = content.filter((w) => /^["“‘(]?[\p{Lu}\d]/u.test(w));
  if (/[.!]["”’]?$/.test(line.trim()) && words.length > 6) return false;
  return content.length > 0 && capitalised.length / content.length >= 0.75 && words.length >= 2;
}
