/**
 * Facts between actors (part of stage 6, relate): trigger words from `lexicons/relations.json` between
 * the actors of one sentence (OPPOSES, SUPPORTS, SUPPLIES, ATTACKED, COOPERATES_WITH, MET_WITH), criticism
 * reported by a speaker ("Blinken says X threatens peace"), affiliations from titles ("Russian President
 * Vladimir Putin") and appositions ("John Kirby, the ... Coordinator at the White House"), and places
 * within places ("SEOUL, South Korea").
 */
import type { AttributeValue, RelationType } from '../../graph/model/types';
import type { EventContext } from './events';
import { resolvePronoun } from './events';
import {
  DIRECTED_TRIGGERS,
  HONORIFICS,
  MUTUAL_TRIGGERS,
  REVERSED_TRIGGERS,
  ROLE_NOUNS,
  ROLES,
  roleAtEnd,
  SAY_VERBS,
  SPEAKER_CRITICISM,
} from '../lexicon';
import { bySentence, mentionsNear, type ResolvedMention } from '../resolve';

export interface Fact {
  type: RelationType;
  source: string;
  target: string;
  sentence: number;
  confidence: number;
  attributes?: Record<string, AttributeValue>;
  /** evidence span when narrower than the sentence */
  span?: { start: number; end: number };
}

type Actor = Pick<ResolvedMention, 'key' | 'type' | 'start' | 'end' | 'text'>;

const ROLE_WORDS = new Set([
  ...ROLES.flat(),
  ...HONORIFICS,
  ...ROLE_NOUNS,
  ...'then former acting deputy vice senior top chief foreign defense defence national security state general prime supreme first comrade of the and for interior finance trade powerful longtime long-time current new late president-elect'.split(
    ' ',
  ),
]);

/** A trigger phrase's pattern, and its first word in lower case: a sentence without that word cannot match. */
interface Trigger {
  re: RegExp;
  word: string;
}

const compile = (phrases: string[]): Trigger[] =>
  phrases.map((p) => ({
    re: new RegExp(`(?<![\\p{L}])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}(?![\\p{L}])`, 'giu'),
    word: p.split(' ')[0].toLowerCase(),
  }));

/**
 * The sentence as the word test above reads it: lower case, with the long s, which the case-insensitive
 * patterns take for an "s", made one. Most of the ~170 patterns are thus never run on a given sentence.
 */
const lowered = (text: string): string => text.toLowerCase().replace(/\u017f/g, 's');

function* triggerMatches(triggers: Trigger[], text: string, lower: string): Generator<RegExpExecArray> {
  for (const { re, word } of triggers) if (lower.includes(word)) yield* text.matchAll(re);
}
const DIRECTED = Object.entries(DIRECTED_TRIGGERS).map(([type, phrases]) => ({
  type: type as RelationType,
  res: compile(phrases),
}));
const REVERSED = Object.entries(REVERSED_TRIGGERS).map(([type, phrases]) => ({
  type: type as RelationType,
  res: compile(phrases),
}));
const MUTUAL = Object.entries(MUTUAL_TRIGGERS).map(([type, phrases]) => ({
  type: type as RelationType,
  res: compile(phrases),
}));
const CRITICISM = compile(SPEAKER_CRITICISM);
const ROLE_LEAD = new RegExp(
  `^(?:The|the)\\s+(?:[\\p{Ll}-]+\\s+){0,2}?(?:${[...ROLE_NOUNS].join('|')})\\b(?!\\s+of\\b)(?![\\p{L}-])`,
  'u',
);

export function relateActors(ctx: EventContext): Fact[] {
  const { text, sentences, resolved } = ctx;
  const facts: Fact[] = [];
  const typeOf = (key: string): string | undefined => resolved.entities.get(key)?.type;
  const add = (
    type: RelationType,
    source: string,
    target: string,
    sentence: number,
    confidence: number,
    attributes?: Record<string, AttributeValue>,
  ): void => {
    if (source === target) return;
    const st = typeOf(source);
    const tt = typeOf(target);
    if (!st || !tt) return;
    if (type === 'ATTACKED' && (st === 'Person' || tt !== 'State')) return;
    if (type === 'COOPERATES_WITH' && (st === 'Person' || tt === 'Person')) return;
    if (type === 'MET_WITH' && (st !== 'Person' || tt !== 'Person')) return;
    if (type === 'AFFILIATED_WITH' && (st !== 'Person' || (tt !== 'Organization' && tt !== 'State'))) return;
    facts.push({ type, source, target, sentence, confidence, attributes });
  };

  const index = bySentence(resolved.mentions, sentences.length);
  sentences.forEach((s, si) => {
    const local = index[si];
    const previous = mentionsNear(index, si - 1, 1);
    const actors: Actor[] = local.filter(
      (m) => m.actor && (m.type === 'Person' || m.type === 'State' || m.type === 'Organization'),
    );
    // "He accused Washington ...": a sentence-initial pronoun is the person last talked about.
    const lead = /^[“"]?\s*(He|She)\b/.exec(s.text);
    if (lead) {
      const key = resolvePronoun(lead[1].toLowerCase(), s.start, si, previous);
      if (key)
        actors.unshift({
          key,
          type: 'Person',
          start: s.start + lead.index,
          end: s.start + lead.index + lead[0].length,
          text: lead[1],
        });
    }
    // "The defense chief also expressed ...": a role at the start of a sentence is the person last talked about.
    const role = ROLE_LEAD.exec(s.text);
    if (role && !actors.some((a) => a.start === s.start)) {
      const key = resolvePronoun('he', s.start, si, previous);
      if (key) actors.unshift({ key, type: 'Person', start: s.start, end: s.start + role[0].length, text: role[0] });
    }
    actors.sort((a, b) => a.start - b.start);
    const speaker = findSpeaker(text, s, actors, si, mentionsNear(index, si));
    const sentenceFacts: Array<{ source: string; target: string }> = [];
    const clauseLimit = (from: number): number => {
      const m = /[;]|\s[–—]\s|,\s+(?:as|while|but|although|though|whereas|because|which|who)\b/.exec(
        text.slice(from, s.end),
      );
      return m ? from + m.index : s.end;
    };
    const sourceBefore = (at: number): Actor | undefined => {
      const before = actors.filter((a) => a.end <= at);
      for (let k = before.length - 1; k >= 0; k--) {
        const a = before[k];
        const between = text.slice(a.end, at);
        if (
          /^\s*(?:[’']s\s+)?(?:\w+\s+)?(?:claims?|says?|said|alleges?|alleged|believes?|believed|thinks?)\b/.test(
            between,
          )
        )
          continue; // "which Washington claims is providing"
        const chained = sentenceFacts.find((f) => f.target === a.key);
        if (chained && /\bto\s+(?:\w+\s+){0,3}$/.test(text.slice(a.end, at)))
          return actors.find((x) => x.key === chained.source) ?? a;
        return a;
      }
      return undefined;
    };
    const targetsAfter = (at: number, limit: number): Actor[] => {
      const after = actors.filter((a) => a.start >= at && a.start < limit && a.start - at < 120);
      if (!after.length) return [];
      const out = [after[0]];
      for (let k = 1; k < after.length; k++) {
        if (/^(?:,\s*|\s+and\s+|,\s+and\s+|\s+or\s+)(?:the\s+)?$/.test(text.slice(after[k - 1].end, after[k].start)))
          out.push(after[k]);
        else break;
      }
      return out;
    };

    // Triggers in text order, so that "A stands with B to demonize C" can chain A to C.
    const triggers: Array<{ kind: 'directed' | 'reversed' | 'mutual'; type: RelationType; ts: number; te: number }> =
      [];
    const lower = lowered(s.text);
    for (const [kind, table] of [
      ['directed', DIRECTED],
      ['reversed', REVERSED],
      ['mutual', MUTUAL],
    ] as const) {
      for (const { type, res } of table) {
        for (const m of triggerMatches(res, s.text, lower))
          triggers.push({ kind, type, ts: s.start + (m.index ?? 0), te: s.start + (m.index ?? 0) + m[0].length });
      }
    }
    triggers.sort((x, y) => x.ts - y.ts || y.te - x.te);
    const seen: Array<[number, number]> = [];
    for (const { kind, type, ts, te } of triggers) {
      if (seen.some(([a, b]) => ts >= a && te <= b && !(ts === a && te === b))) continue; // "support for" inside "full support for"
      seen.push([ts, te]);
      if (actors.some((a) => a.start <= ts && a.end >= te)) continue;
      const limit = clauseLimit(te);
      if (kind === 'directed') {
        if (/^\s+(?:each other|one another)\b/.test(text.slice(te, te + 15))) continue;
        let targets = targetsAfter(te, limit);
        if (type === 'SUPPLIES') {
          // "delivered the speech on Kang’s behalf" supplies nothing: the recipient follows directly or after to/into
          targets = targets.filter(
            (t) =>
              /^\s*(?:the\s+)?$/.test(text.slice(te, t.start)) ||
              /\b(?:to|into)\s+(?:the\s+)?$/.test(text.slice(te, t.start)),
          );
        }
        // "warned that Seoul would respond": a that-clause is not the target
        targets = targets.filter((t) => !/\b(?:that|whether|if)\b/.test(text.slice(te, t.start)));
        if (!targets.length) continue;
        let source = sourceBefore(ts);
        if (!source && speaker && /[“"]/.test(s.text)) source = speaker;
        if (!source) continue;
        if (targets.some((t) => t.key === source!.key)) {
          const alt = actors.filter((a) => a.end <= source!.start && a.key !== source!.key).pop();
          if (alt) source = alt;
        }
        const extra =
          type === 'SUPPLIES'
            ? actors.filter(
                (a) =>
                  a.start > targets[targets.length - 1].end &&
                  a.start < limit &&
                  /\b(?:for use by|to|into)\s+(?:the\s+)?$/.test(text.slice(Math.max(te, a.start - 16), a.start)) &&
                  !/\baccording\s+to\s+(?:the\s+)?$/.test(text.slice(Math.max(te, a.start - 20), a.start)),
              )
            : [];
        const sources = [source];
        const prev = actors.filter((a) => a.end <= source!.start).pop();
        if (prev && /^\s+and\s+$/.test(text.slice(prev.end, source.start))) sources.push(prev);
        for (const src of sources) {
          for (const t of [...targets, ...extra]) {
            add(type, src.key, t.key, si, 0.7);
            sentenceFacts.push({ source: src.key, target: t.key });
          }
        }
      } else if (kind === 'reversed') {
        const src = targetsAfter(te, limit)[0];
        const tgt = sourceBefore(ts);
        if (src && tgt) add(type, src.key, tgt.key, si, 0.6);
      } else {
        const pairs: Array<[Actor, Actor]> = [];
        const rest = text.slice(te, limit);
        if (/^\s+(?:\w+\s+){0,2}between\s/.test(rest)) {
          const after = actors.filter((a) => a.start >= te && a.start < limit);
          if (after.length >= 2) pairs.push([after[0], after[1]]);
        }
        // "N. Korea-Russia military cooperation", "joint U.S.-ROK military exercises"
        const chain = hyphenChain(text, actors, ts, te);
        for (let x = 0; x < chain.length; x++)
          for (let y = x + 1; y < chain.length; y++) pairs.push([chain[x], chain[y]]);
        if (!pairs.length) {
          const before = actors.filter((a) => a.end <= ts && ts - a.end < 60);
          const near = before[before.length - 1];
          const prev = before[before.length - 2];
          if (
            near &&
            prev &&
            /^\s+and\s+$/.test(text.slice(prev.end, near.start)) &&
            /^(?:[’']s)?\s+(?:[\p{Ll}-]+\s+){0,4}$/u.test(text.slice(near.end, ts))
          )
            pairs.push([prev, near]);
          else if (
            near &&
            (/^\s*(?:with|,\s*such\s+as|among)\s/.test(rest) ||
              /^\s+(?:[\p{Ll}-]+\s+){0,2}with\s/u.test(rest) ||
              /^[’']s\s+(?:[\p{Ll}-]+\s+){0,3}$/u.test(text.slice(near.end, ts)))
          ) {
            const src = sourceBefore(ts) ?? near;
            for (const t of targetsAfter(te, limit)) pairs.push([src, t]);
          }
        }
        for (const [a, b] of pairs) {
          add(type, a.key, b.key, si, 0.6);
          if (type === 'SUPPORTS') add(type, b.key, a.key, si, 0.6);
          sentenceFacts.push({ source: a.key, target: b.key });
        }
      }
    }
    // "Blinken says N. Korea-Russia military cooperation threatens global peace"
    if (speaker && speaker.type === 'Person') {
      for (const m of triggerMatches(CRITICISM, s.text, lower)) {
        const ts = s.start + m.index;
        const criticised = actors.filter(
          (a) => a.end <= ts && a.start > speaker.end && a.key !== speaker.key && a.type !== 'Person',
        );
        for (const c of criticised) add('OPPOSES', speaker.key, c.key, si, 0.5);
      }
    }
    affiliations(text, s, si, local, add);
    // "SEOUL, South Korea": a place within a state or a larger place
    for (let k = 0; k + 1 < local.length; k++) {
      const a = local[k];
      const b = local[k + 1];
      if (
        a.type === 'Place' &&
        (b.type === 'State' || b.type === 'Place') &&
        /^,\s+$/.test(text.slice(a.end, b.start)) &&
        /^\s*(?:[,—–.)]|$)/.test(text.slice(b.end, b.end + 2))
      ) {
        add('LOCATED_IN', a.key, b.key, si, 0.8);
      }
    }
  });
  return facts;
}

function hyphenChain(text: string, actors: Actor[], ts: number, te: number): Actor[] {
  // actors joined by hyphens right before the trigger (with up to three modifiers between) or right after "joint"
  const near = actors.filter((a) => (a.end <= ts && ts - a.end < 40) || (a.start >= te && a.start - te < 3));
  let best: Actor[] = [];
  for (let i = 0; i < near.length; i++) {
    const chain = [near[i]];
    for (let j = i + 1; j < near.length; j++) {
      if (/^[-–]$/.test(text.slice(chain[chain.length - 1].end, near[j].start))) chain.push(near[j]);
      else break;
    }
    if (chain.length < 2) continue;
    const last = chain[chain.length - 1];
    const okBefore = last.end <= ts && /^\s+(?:[\p{Ll}-]+\s+){0,3}$/u.test(text.slice(last.end, ts) + ' ');
    const okAfter = chain[0].start >= te && /^\s+$/.test(text.slice(te, chain[0].start));
    if ((okBefore || okAfter) && chain.length > best.length) best = chain;
  }
  return [...new Map(best.map((a) => [a.key, a])).values()];
}

function findSpeaker(
  text: string,
  s: { start: number; end: number; text: string },
  actors: Actor[],
  si: number,
  mentions: ResolvedMention[],
): Actor | undefined {
  // “...,” Kim said.  /  Blinken said Monday ...  /  Blinken says ...
  for (const a of actors) {
    if (a.type !== 'Person') continue;
    const after = text.slice(a.end, Math.min(s.end, a.end + 30));
    const w = /^\s+(\p{L}+)/u.exec(after)?.[1]?.toLowerCase();
    if (w && SAY_VERBS.has(w)) return a;
  }
  const q = /[”"]\s*(?:,\s*)?(he|she)\s+(?:said|added|told|warned|stressed)/i.exec(s.text);
  if (q) {
    const key = resolvePronoun(
      q[1].toLowerCase(),
      s.start + q.index,
      si,
      mentions.filter((m) => m.start < s.start + q.index),
    );
    if (key) return { key, type: 'Person', start: s.start + q.index, end: s.start + q.index + q[0].length, text: q[1] };
  }
  return undefined;
}

function affiliations(
  text: string,
  s: { start: number; end: number },
  si: number,
  local: ResolvedMention[],
  add: (
    type: RelationType,
    source: string,
    target: string,
    sentence: number,
    confidence: number,
    attributes?: Record<string, AttributeValue>,
  ) => void,
): void {
  local.forEach((p, k) => {
    if (p.type !== 'Person') return;
    // "Russian President Vladimir Putin", "DPRK defense minister Kang", "Kang’s Russian counterpart Sergei Shoigu"
    const q = local[k - 1];
    if (q && (q.type === 'State' || q.type === 'Organization') && p.start - q.end < 70) {
      const between = text
        .slice(q.end, p.start)
        .replace(/^[’']s?/, '')
        .trim();
      const words = between
        .toLowerCase()
        .split(/[\s-]+/)
        .filter(Boolean);
      if (words.length && words.length <= 7 && words.every((w) => ROLE_WORDS.has(w.replace(/\.$/, '')))) {
        add('AFFILIATED_WITH', p.key, q.key, si, 0.8, {
          role: `${q.demonym || q.type === 'State' ? q.text + ' ' : ''}${between}`.trim(),
        });
      }
    }
    // "Minister of Foreign Affairs of the DPRK Choe Son Hui": the title stands before the state
    if (q && (q.type === 'State' || q.type === 'Organization') && /^\s+$/.test(text.slice(q.end, p.start))) {
      const role = roleBefore(text.slice(Math.max(0, q.start - 60), q.start));
      if (role) add('AFFILIATED_WITH', p.key, q.key, si, 0.75, { role });
    }
    // "Lai Ching-te of the Democratic Progressive Party": a member named with the body
    const r = local[k + 1];
    if (r && r.type === 'Organization' && /^\s+of\s+(?:the\s+)?$/.test(text.slice(p.end, r.start)))
      add('AFFILIATED_WITH', p.key, r.key, si, 0.7);
    // "John Kirby, the National Security Council Coordinator ... at the White House, reiterated"
    const rest = text.slice(p.end, s.end);
    if (!/^,\s/.test(rest)) return;
    const segEnd = appositiveEnd(rest);
    const segment = rest.slice(0, segEnd);
    const words = segment
      .toLowerCase()
      .split(/[\s,]+/)
      .slice(0, 10);
    if (!words.some((w) => ROLE_NOUNS.has(w) || ROLES.some((r) => r.length === 1 && r[0] === w))) return;
    const from = p.end;
    const to = p.end + segEnd;
    const inside = local.filter((m) => m.start >= from && m.end <= to && m.key !== p.key);
    const orgs = inside.filter((m) => m.type === 'Organization');
    const role = segment
      .replace(/^,\s*/, '')
      .split(/,/)[0]
      .trim()
      .replace(/^(?:an?|the)\s+/i, '');
    if (orgs.length) for (const o of orgs) add('AFFILIATED_WITH', p.key, o.key, si, 0.75, { role });
    else {
      const st = inside.find((m) => m.type === 'State');
      if (st) add('AFFILIATED_WITH', p.key, st.key, si, 0.6, { role });
    }
  });
}

/** "… Minister of Foreign Affairs of the ": the role a title names before "of (the)", if it ends the text. */
function roleBefore(before: string): string | undefined {
  const m = /((?:[\p{L}-]+\s+){1,6})of\s+(?:the\s+)?$/u.exec(before);
  const words = m ? m[1].trim().split(/\s+/) : [];
  const k = roleAtEnd(words);
  return k ? words.slice(words.length - k).join(' ') : undefined;
}

/** The apposition after a name: up to the comma before the verb, or the end of the clause. */
function appositiveEnd(rest: string): number {
  let end = 0;
  const parts = rest.split(/(?=,)/);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i > 0) {
      const body = part.replace(/^,\s*/, '');
      // continue over "..., 38 North," (a name) or "and the co-founder ..." (more roles); stop before a verb
      if (!/^(?:\d+\s+)?\p{Lu}/u.test(body) && !/^(?:and\s+)?(?:an?|the)\s/.test(body)) break;
      if (/^\p{Lu}\p{L}+\s+(?:said|says|told|added)\b/u.test(body)) break;
    }
    end += part.length;
    if (i >= 2) break;
  }
  return end;
}
