/**
 * Shallow noun phrases around an event or treaty noun, without a tagger: determiners, possessors and
 * modifiers to the left ("Shoigu's high-profile visit"), a prepositional tail to the right ("to Pyongyang",
 * "between Kim and Putin"), stopping at verbs, clause words, punctuation and date expressions.
 */
import type { Token } from './tokens';
import { isMonthName, isWeekdayName } from './dates';

export const DETERMINERS = new Set([
  'a',
  'an',
  'the',
  'this',
  'that',
  'these',
  'those',
  'its',
  'his',
  'her',
  'their',
  'our',
  'my',
  'your',
  'another',
  'any',
  'each',
  'every',
]);
export const PRONOUN_DETERMINERS = new Set(['its', 'his', 'her', 'their', 'our', 'my', 'your']);
const TAIL_PREPOSITIONS = new Set([
  'of',
  'to',
  'in',
  'on',
  'at',
  'between',
  'with',
  'by',
  'against',
  'from',
  'into',
  'toward',
  'towards',
  'over',
  'around',
  'among',
  'and',
]);
const STOP = new Set(
  (
    'of to in on at for with by from into and or but nor as than that which who whom whose is are was were be been being has have had will would can could may might should must not also ' +
    'after before since during amid amidst about between over under against toward towards via per like such out up off so if when while where it he she they we i you all both some more most ' +
    'very just only even there here now then still yet already again made make makes conducts conduct conducted holds hold held stages staged carried carries carry launched launches ' +
    'said says say told added noted stated claimed denied called sign signs signed reached wants want seeks seek is do does did get got gets across through within without upon whether because ' +
    'last next earlier later recently set expected likely due scheduled'
  ).split(' '),
);
const DATE_WORDS = new Set([
  'last',
  'this',
  'next',
  'earlier',
  'later',
  'here',
  'yesterday',
  'today',
  'tomorrow',
  'recently',
]);

export interface NounPhrase {
  start: number; // first token of the phrase (determiner or possessor included)
  contentStart: number; // after the determiner / pronoun possessor
  headStart: number;
  headEnd: number;
  end: number; // end of the tail (or of the head)
  determiner?: string; // lower-cased
  possessor?: Token; // the possessive token ("Shoigu’s", "its" is a determiner instead)
  possessorStart?: number;
  left: Token[];
  tail: Token[];
}

export interface PhraseContext {
  text: string;
  tokens: Token[];
  /** entity mention spans, so that a possessor extends over the whole name ("Vladimir Putin’s") */
  mentionAt(offset: number): { start: number; end: number } | undefined;
  /** a date expression starting at this offset (or just after the preposition at it) */
  dateStartsAt(offset: number): boolean;
  roleNouns: Set<string>;
  /** From the dependency parse, when there is one: the word at `offset` modifies the noun at `headOffset`. */
  modifies?(offset: number, headOffset: number): boolean;
}

export function nounPhraseAt(ctx: PhraseContext, headFirst: number, headLast: number): NounPhrase {
  const { text, tokens } = ctx;
  const okGap = (a: Token, b: Token): boolean => {
    const g = text.slice(a.end, b.start);
    // "the Oct. 1 attack": an abbreviated month keeps its full stop inside the phrase
    if (g === '. ' && isMonthName(a.text) && /^\d/.test(b.text)) return true;
    return (g.length <= 3 && /^[\s“”"‘’'-]*$/.test(g) && !/^[’']s?$/.test(g.trim())) || /^[’']s\s$/.test(g);
  };
  let startIdx = headFirst;
  let determiner: string | undefined;
  let possessor: Token | undefined;
  let possessorStart: number | undefined;
  const left: Token[] = [];
  for (let i = headFirst - 1; i >= 0 && headFirst - i <= 7; i--) {
    const t = tokens[i];
    if (!okGap(t, tokens[i + 1])) break;
    if (DETERMINERS.has(t.lower)) {
      determiner = t.lower;
      startIdx = i;
      break;
    }
    if (t.possessive) {
      if (ctx.roleNouns.has(t.lower)) {
        // "the Russian External Intelligence Bureau chief’s rare visit"
        left.unshift(t);
        startIdx = i;
        let k = i - 1;
        while (
          k >= 0 &&
          okGap(tokens[k], tokens[k + 1]) &&
          (/^\p{Lu}/u.test(tokens[k].text) || DETERMINERS.has(tokens[k].lower)) &&
          i - k <= 6
        ) {
          startIdx = k;
          if (DETERMINERS.has(tokens[k].lower)) {
            determiner = tokens[k].lower;
            break;
          }
          left.unshift(tokens[k]);
          k--;
        }
        const m = ctx.mentionAt(tokens[Math.min(i, startIdx + (determiner ? 1 : 0))].start);
        if (m) {
          possessorStart = m.start;
          possessor = t;
        }
        break;
      }
      if (DATE_WORDS.has(t.lower) || /^(week|month|year|day|today|yesterday)$/.test(t.lower) || isWeekdayName(t.text)) {
        // "This week’s conference", "Monday's summit": a date, not a possessor
        left.unshift(t);
        startIdx = i;
        continue;
      }
      possessor = t;
      const m = ctx.mentionAt(t.start);
      possessorStart = m ? m.start : t.start;
      startIdx = i;
      while (startIdx > 0 && tokens[startIdx - 1].start >= possessorStart) startIdx--;
      // the possessor's own determiner: "the Kremlin’s"
      if (startIdx > 0 && tokens[startIdx - 1].lower === 'the' && okGap(tokens[startIdx - 1], tokens[startIdx])) {
        startIdx--;
        determiner = 'the';
      }
      break;
    }
    if (/^\p{Lu}/u.test(t.text) || /^\d/.test(t.text)) {
      left.unshift(t);
      startIdx = i;
      continue;
    }
    if (STOP.has(t.lower)) break;
    // "led", "having" end the phrase; "armed", "televised", "failed" modify its noun (the parse knows which)
    if (/(ing|ed)$/.test(t.lower) && !t.lower.includes('-') && !ctx.modifies?.(t.start, tokens[headFirst].start)) break;
    left.unshift(t);
    startIdx = i;
  }

  const tail: Token[] = [];
  const head = tokens[headLast];
  let end = head.end;
  let j = headLast + 1;
  if (
    j < tokens.length &&
    TAIL_PREPOSITIONS.has(tokens[j].lower) &&
    tokens[j].lower !== 'and' &&
    okGap(head, tokens[j]) &&
    !ctx.dateStartsAt(tokens[j].start)
  ) {
    for (; j < tokens.length && j - headLast <= 14; j++) {
      const t = tokens[j];
      const prev = j === headLast + 1 ? head : tokens[j - 1];
      if (!/^[\s“”"‘’-]*$/.test(text.slice(prev.end, t.start)) || /[“”"]/.test(text.slice(prev.end, t.start))) {
        // "U.S.-ROK" or a quote inside the tail is fine; a comma or a stop is not
        if (!/^-$/.test(text.slice(prev.end, t.start))) break;
      }
      if (TAIL_PREPOSITIONS.has(t.lower) && ctx.dateStartsAt(t.start)) break;
      if (ctx.dateStartsAt(t.start)) break;
      if (DATE_WORDS.has(t.lower)) break;
      const inside = ctx.mentionAt(t.start);
      if (inside && inside.end > t.end) {
        // a name with a possessive inside: "Democratic People’s Republic of Korea"
        while (j < tokens.length && tokens[j].end <= inside.end) tail.push(tokens[j++]);
        j--;
        continue;
      }
      if (/^\p{Lu}/u.test(t.text) || /^\d/.test(t.text) || TAIL_PREPOSITIONS.has(t.lower) || DETERMINERS.has(t.lower)) {
        tail.push(t);
        continue;
      }
      if (STOP.has(t.lower)) break;
      if (/(ing|ed)$/.test(t.lower)) {
        const next = tokens[j + 1];
        const adjective =
          t.lower.includes('-') &&
          !t.lower.startsWith('co-') &&
          next &&
          /^\p{Ll}/u.test(next.text) &&
          !STOP.has(next.lower) &&
          !TAIL_PREPOSITIONS.has(next.lower);
        if (!adjective) break;
      }
      tail.push(t);
    }
    while (
      tail.length &&
      (TAIL_PREPOSITIONS.has(tail[tail.length - 1].lower) || DETERMINERS.has(tail[tail.length - 1].lower))
    )
      tail.pop();
    if (tail.length) end = tail[tail.length - 1].end;
  }
  const first = tokens[startIdx];
  let contentStart = first.start;
  if (determiner) {
    const detTok = tokens[startIdx];
    const next = tokens[startIdx + 1];
    contentStart = next ? next.start : detTok.end;
  }
  return {
    start: possessorStart !== undefined && possessorStart < first.start ? possessorStart : first.start,
    contentStart:
      possessor && !determiner ? (tokens[headFirst - left.length]?.start ?? tokens[headFirst].start) : contentStart,
    headStart: tokens[headFirst].start,
    headEnd: head.end,
    end,
    determiner,
    possessor,
    possessorStart,
    left,
    tail,
  };
}

/** Surface forms of a phrase, for aliases: with and without determiner, head only, up to each tail name. */
export function phraseVariants(text: string, np: NounPhrase, cutPoints: number[], dateEnd?: number): string[] {
  const starts = new Set([np.start, np.contentStart]);
  if (np.possessor) starts.add(np.left.length ? np.left[0].start : np.headStart);
  const firstCap = np.left.find((t) => /^\p{Lu}/u.test(t.text) && !t.possessive);
  if (firstCap) starts.add(firstCap.start);
  const ends = new Set([np.end, np.headEnd, ...cutPoints.filter((c) => c > np.headEnd && c <= np.end)]);
  if (dateEnd && dateEnd > np.end) ends.add(dateEnd);
  const out = new Set<string>();
  for (const s of starts) for (const e of ends) if (e > s) out.add(text.slice(s, e).trim());
  return [...out].filter((v) => v.split(/\s+/).length >= 1 && !/^(of|to|in|on|at)\b/i.test(v));
}
