/**
 * Events (part of stage 6, relate): named events ("Moscow Conference on International Security"), event
 * noun phrases ("Shoigu's high-profile visit to Pyongyang last month", "a rare summit between Kim and
 * Putin") and dated event clauses ("Sergei Shoigu visited Pyongyang in July 2023"). Each event gets a kind,
 * an ISO date when the text fixes one, participants, a place, and for visits the visitor and destination.
 * Definite references ("the conference", "the war") join the event already introduced.
 */
import {
  CONFLICT_KINDS,
  SINGULAR_KINDS,
  EVENT_NAMED_HEADS,
  EVENT_NEEDS_ANCHOR,
  EVENT_NOUNS,
  EVENT_STRONG,
  EVENT_VERBS,
  FUTURE_DATE_PHRASES,
  MEETING_KINDS,
  ROLE_NOUNS,
  TREATY_GENERIC,
} from '../lexicon';
import { nounPhraseAt, phraseVariants, PRONOUN_DETERMINERS, type PhraseContext } from '../text/noun-phrase';
import { bySentence, mentionsNear, type DocEntity, type Resolved, type ResolvedMention } from '../resolve';
import type { Sentence } from '../segment';
import type { Token } from '../text/tokens';
import type { DateMention } from '../text/dates';
import { norm } from '../text/norm';
import { gazetteer } from '../recognise/gazetteer';
import { attachedTo, modifiesNoun, type EngineSentence } from '../engine/annotation';

export interface DocEvent {
  key: string;
  kind: string;
  named?: string;
  surfaces: string[];
  date?: string;
  dateText?: string;
  participants: Map<string, number>; // entity key -> sentence of evidence
  visitor?: { key: string; sentence: number };
  destination?: { key: string; sentence: number };
  place?: { key: string; sentence: number };
  attacker?: { key: string; sentence: number };
  target?: { key: string; sentence: number };
  mentions: Array<{ start: number; end: number; text: string; sentence: number }>;
  first: number;
  core?: string;
  capCore?: string;
  mergedInto?: string;
  /** introduced by a definite reference alone ("the crash"): joins a better-introduced event of its kind */
  topical?: boolean;
}

export interface EventContext {
  text: string;
  sentences: Sentence[];
  tokens: Token[][];
  resolved: Resolved;
  dates: DateMention[][]; // per sentence, offsets into the document text
  /** The engine's parse of each sentence; without it phrases and dates come from the word rules alone. */
  annotation?: EngineSentence[];
}

const GROUPS: Record<string, string> = {
  conference: 'gathering',
  forum: 'gathering',
  summit: 'meeting',
  talks: 'meeting',
  meeting: 'meeting',
  invasion: 'conflict',
  war: 'conflict',
  acquisition: 'deal',
  deal: 'deal',
};
const group = (kind: string): string => GROUPS[kind] ?? kind;
/** A definite event noun in this many sentences is what the document is about. */
const TOPICAL_SENTENCES = 3;

export function findEvents(ctx: EventContext): DocEvent[] {
  const { text, sentences, resolved } = ctx;
  const events: DocEvent[] = [];
  const index = bySentence(resolved.mentions, sentences.length);
  const sentenceAt = (offset: number): number => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const entity = (key: string): DocEntity | undefined => resolved.entities.get(key);
  const mentionAt = (offset: number): ResolvedMention | undefined =>
    (index[sentenceAt(offset)] ?? []).find((m) => m.start <= offset && m.end > offset);
  const inSentence = (si: number): ResolvedMention[] => index[si] ?? [];

  const newEvent = (kind: string, si: number, start: number): DocEvent => {
    const e: DocEvent = { key: '', kind, surfaces: [], participants: new Map(), mentions: [], first: start };
    events.push(e);
    void si;
    return e;
  };
  const mostRecent = (kind: string, before: number): DocEvent | undefined => {
    const seen = [...events]
      .reverse()
      .filter((e) => !e.mergedInto && group(e.kind) === group(kind) && e.mentions.some((m) => m.start < before));
    return (CONFLICT_KINDS.has(kind) ? seen.find((e) => e.target) : undefined) ?? seen[0];
  };

  const sentencesWith = new Map<string, number>();
  for (const sentenceTokens of ctx.tokens)
    for (const word of new Set(sentenceTokens.map((t) => t.lower)))
      if (EVENT_NOUNS.has(word)) sentencesWith.set(word, (sentencesWith.get(word) ?? 0) + 1);

  sentences.forEach((s, si) => {
    const tokens = ctx.tokens[si];
    const dates = ctx.dates[si];
    const parse = ctx.annotation?.[si];
    const mentions = mentionsNear(index, si);
    const phraseCtx: PhraseContext = {
      text,
      tokens,
      mentionAt: (o) => mentionAt(o),
      dateStartsAt: (o) =>
        dates.some(
          (d) =>
            d.start === o ||
            (d.start > o &&
              d.start - o <= 4 &&
              /^\s*\p{L}{2,3}\s+$/u.test(text.slice(o, d.start)) &&
              /^(on|in|at|of|by|from|since|until)\s+$/.test(text.slice(o, d.start))),
        ),
      roleNouns: ROLE_NOUNS,
      modifies: parse ? (offset, headOffset) => modifiesNoun(parse, offset, headOffset) : undefined,
    };
    const dateAfter = (end: number): DateMention | undefined =>
      dates.find(
        (d) =>
          d.start >= end &&
          /^[\s,]*(?:(?:on|in|at|of|during|since|earlier|later|last|this|here|the|toward|towards|end|of)\s+){0,4}$/i.test(
            text.slice(end, d.start),
          ),
      );
    const futureAfter = (end: number): { end: number; text: string } | undefined => {
      const rest = text.slice(end, s.end);
      for (const p of FUTURE_DATE_PHRASES) {
        const i = rest.toLowerCase().indexOf(p);
        if (i >= 0 && i < 40) return { end: end + i + p.length, text: p };
      }
      return undefined;
    };

    // Named events from recognition.
    for (const m of inSentence(si).filter((x) => x.type === 'Event')) {
      const words = norm(m.text).split(' ');
      const head = words.find((w) => EVENT_NAMED_HEADS.has(w)) ?? 'event';
      const kind = EVENT_NOUNS.get(head) ?? head;
      let e = events.find((x) => !x.mergedInto && x.named && norm(x.named) === norm(m.text));
      if (!e) {
        e = newEvent(kind, si, m.start);
        e.named = m.text;
      }
      e.mentions.push({ start: m.start, end: m.end, text: m.text, sentence: si });
      e.surfaces.push(m.text);
      // "Kim-Putin Summit": the people named in the compound take part
      for (const part of m.text.split(/[-–\s]+/)) {
        const person = [...resolved.entities.values()].find(
          (x) =>
            x.type === 'Person' &&
            norm(x.name)
              .split(' ')
              .some((w, i, all) => (i === 0 || i === all.length - 1) && w === norm(part)),
        );
        if (person) e.participants.set(person.key, si);
      }
      // "Ukraine War": a war in that state
      if (CONFLICT_KINDS.has(kind)) {
        const st = gazetteer()
          .match(m.text)
          .find((g) => g.kind === 'state' && resolved.entities.has(`State:${g.code}`));
        if (st) e.target = { key: `State:${st.code}`, sentence: si };
      }
      const d = dateAfter(m.end);
      if (d?.iso && !e.date) {
        e.date = d.iso;
        e.dateText = d.text;
      }
    }

    // Event noun phrases.
    const used = new Set<number>();
    for (let i = 0; i < tokens.length; i++) {
      if (used.has(i)) continue;
      let kind: string | undefined;
      let headLast = i;
      for (const len of [3, 2, 1]) {
        if (i + len > tokens.length) continue;
        // Built without slices: this runs for every token of every sentence.
        let phrase = tokens[i].lower;
        for (let k = i + 1; k < i + len; k++) phrase += ` ${tokens[k].lower}`;
        if (EVENT_NOUNS.has(phrase) && tokens.slice(i, i + len).every((t) => /^\p{Ll}/u.test(t.text))) {
          kind = EVENT_NOUNS.get(phrase);
          headLast = i + len - 1;
          break;
        }
      }
      if (!kind) continue;
      const head = tokens[i];
      if (mentionAt(head.start)) continue;
      const next = tokens[headLast + 1];
      if (
        next &&
        /^\s$/.test(text.slice(tokens[headLast].end, next.start)) &&
        /^\p{Ll}/u.test(next.text) &&
        !FOLLOWERS.has(next.lower) &&
        !/ed$/.test(next.lower)
      )
        continue; // "war mania"
      // "visit" after "to" is a verb: handled with the clauses below
      const prevTok = tokens[i - 1];
      if (
        prevTok &&
        ['to', 'will', 'would', 'may', 'might', 'could', 'should', 'must'].includes(prevTok.lower) &&
        /^(visit|meeting|test|attack|war)$/.test(head.lower) === true &&
        kind === 'visit'
      )
        continue;
      for (let k = i; k <= headLast; k++) used.add(k);
      const np = nounPhraseAt(phraseCtx, i, headLast);
      const npMentions = mentions.filter((m) => m.start >= np.start && m.end <= np.end);
      const leftMentions = npMentions.filter((m) => m.end <= np.headStart);
      const tailMentions = npMentions.filter((m) => m.start >= np.headEnd);
      let possessor: string | undefined;
      if (np.possessor) {
        const pm =
          mentionAt(np.possessor.start) ?? (np.possessorStart !== undefined ? mentionAt(np.possessorStart) : undefined);
        if (pm && pm.type !== 'Event') possessor = pm.key;
      } else if (np.determiner && PRONOUN_DETERMINERS.has(np.determiner)) {
        possessor = resolvePronoun(np.determiner, np.start, si, mentions);
      }
      const tailText = text.slice(np.headEnd, np.end);
      const between = /^\s+between\b/.test(tailText) ? tailMentions.filter((m) => m.actor || m.type === 'Person') : [];
      const withs = tailMentions.filter(
        (m) => /\bwith\s+(?:its\s+|the\s+)?(?:[\p{L}-]+\s+){0,4}$/u.test(text.slice(np.headEnd, m.start)) && m.actor,
      );
      const ofTarget = tailMentions.find(
        (m) => /^\s+of\s+(the\s+)?$/.test(text.slice(np.headEnd, m.start)) && m.type === 'State',
      );
      const toDest = tailMentions.find(
        (m) =>
          /^\s+(to|in)\s+(the\s+)?$/.test(text.slice(np.headEnd, m.start)) &&
          (m.type === 'State' || m.type === 'Place'),
      );
      const inPlace = tailMentions.find(
        (m) =>
          /\b(in|at|on|near|off)\s+(?:and\s+around\s+)?(the\s+)?$/.test(text.slice(np.headEnd, m.start)) &&
          (m.type === 'Place' || m.type === 'State'),
      );
      const byAgents = tailMentions.filter(
        (m) => /\bby\s+(?:the\s+|an?\s+)?$/.test(text.slice(np.headEnd, m.start)) && m.actor,
      );
      const modifierStates = leftMentions.filter((m) => m.type === 'State' && m.key !== possessor);
      const modifierPlace = leftMentions.find((m) => m.type === 'Place');
      const date =
        dateAfter(np.end) ??
        dates.find((d) => d.start >= np.headEnd && d.end <= np.end) ??
        // "the January 13 election", "the Oct. 1 attack"
        dates.find((d) => d.iso && d.start >= np.contentStart && d.end <= np.headStart) ??
        // the parse finds the date of a new event ("led a mutiny … in June"), not of a reference back to one
        (parse && !['the', 'this', 'that'].includes(np.determiner ?? '')
          ? dates.find((d) => d.iso && attachedTo(parse, d.start, tokens[headLast].start))
          : undefined);
      const conflict = CONFLICT_KINDS.has(kind);
      // "the Ukraine war": a state before "war" is where the war is; before "invasion" it is the invader
      const modifierTarget = conflict && kind !== 'invasion' ? modifierStates.find((m) => !m.demonym) : undefined;
      const anchored = Boolean(
        possessor ||
        between.length ||
        withs.length ||
        byAgents.length ||
        (date && date.iso) ||
        (kind === 'visit' && toDest) ||
        modifierStates.length >= 2 ||
        modifierPlace ||
        modifierTarget ||
        (conflict && (ofTarget || inPlace)) ||
        (EVENT_STRONG.has(kind) && inPlace),
      );
      const definiteBare =
        (np.determiner === 'the' ||
          np.determiner === 'this' ||
          np.determiner === 'that' ||
          np.left.some((t) => /^(week|month|year)$/.test(t.lower))) &&
        !anchored;
      const cutPoints = tailMentions.filter((m) => !m.demonym).map((m) => m.end);
      const variants = phraseVariants(text, np, cutPoints, date?.end);
      const mention = { start: np.start, end: np.end, text: text.slice(np.start, np.end), sentence: si };

      // Appositive: "the Moscow Conference ..., an annual forum held by ..." is the same event.
      const prevEvent = events.find(
        (e) =>
          !e.mergedInto &&
          e.mentions.some(
            (m) =>
              m.sentence === si &&
              /^[\s,]*(?:on\s+\p{Lu}\p{Ll}+day)?[\s,]*$/u.test(text.slice(m.end, np.start)) &&
              m.end <= np.start,
          ),
      );
      let e: DocEvent | undefined;
      if (prevEvent && (np.determiner === 'a' || np.determiner === 'an')) e = prevEvent;
      else if (definiteBare || (!anchored && np.determiner && PRONOUN_DETERMINERS.has(np.determiner)))
        e = mostRecent(kind, np.start);
      if (!e) {
        // "the plane crash … the crash": a definite event the document keeps coming back to is its topic,
        // introduced as known; a single "the deal" refers to something the text never says
        // (not "the deal", "the declaration": treaties, and not an untargeted "the war")
        const topical =
          definiteBare &&
          !conflict &&
          !TREATY_GENERIC.has(tokens[headLast].lower) &&
          !(tokens[headLast].lower.endsWith('s') && EVENT_NOUNS.has(tokens[headLast].lower.slice(0, -1))) &&
          (sentencesWith.get(tokens[headLast].lower) ?? 0) >= TOPICAL_SENTENCES;
        if (!topical) {
          if (definiteBare && !EVENT_STRONG.has(kind)) continue;
          if (definiteBare && EVENT_STRONG.has(kind) && np.determiner !== 'this' && !np.left.length) continue;
          if (!anchored && !EVENT_STRONG.has(kind)) continue;
          if (EVENT_NEEDS_ANCHOR.has(kind) && !anchored) continue;
          if (!anchored && !np.left.length) continue; // "rehearsals for an invasion" names no event
        }
        // same kind with the same possessor or participants in this document: the same event
        e = events.find(
          (x) =>
            !x.mergedInto &&
            group(x.kind) === group(kind) &&
            ((possessor &&
              (x.participants.has(possessor) || x.visitor?.key === possessor || x.attacker?.key === possessor)) ||
              (between.length > 0 && between.every((b) => x.participants.has(b.key))) ||
              (CONFLICT_KINDS.has(kind) && (ofTarget ?? inPlace) && x.target?.key === (ofTarget ?? inPlace)!.key)) &&
            compatibleDates(x.date, date?.iso),
        );
        if (!e) {
          e = newEvent(kind, si, np.start);
          e.topical = topical;
        }
      }
      e.mentions.push(mention);
      e.surfaces.push(...variants);
      e.core ??= text.slice(np.contentStart, np.end);
      if (date?.iso && !e.date) {
        e.date = date.iso;
        e.dateText = date.text;
      }
      if (kind === 'visit') {
        if (possessor && !e.visitor) e.visitor = { key: possessor, sentence: si };
        if (toDest && !e.destination) e.destination = { key: toDest.key, sentence: si };
      } else if (CONFLICT_KINDS.has(kind)) {
        if (possessor && entity(possessor)?.type !== 'Person' && !e.attacker)
          e.attacker = { key: possessor, sentence: si };
        if (possessor && entity(possessor)?.type === 'Person') e.participants.set(possessor, si);
        const tgt =
          ofTarget ??
          modifierTarget ??
          (inPlace && (entity(inPlace.key)?.type === 'State' || entity(inPlace.key)?.type === 'Place')
            ? inPlace
            : undefined);
        if (tgt && !e.target) e.target = { key: tgt.key, sentence: si };
        if (!e.attacker && kind === 'invasion') {
          const att = modifierStates.find((m) => m.key !== tgt?.key);
          if (att) e.attacker = { key: att.key, sentence: si };
        }
      } else if (possessor) e.participants.set(possessor, si);
      // "Scholz made the announcement after talks with Zelensky": the subject met the other side
      if (MEETING_KINDS.has(kind) && withs.length && !possessor) {
        const subj = inSentence(si).find((m) => m.type === 'Person' && m.end <= np.start);
        if (subj) e.participants.set(subj.key, si);
      }
      for (const b of [...between, ...withs, ...byAgents])
        if (b.type !== 'Place' && !(conflict && b.key === e.target?.key)) e.participants.set(b.key, si);
      const firstCap = np.left.find(
        (t) =>
          /^\p{Lu}/u.test(t.text) &&
          !t.possessive &&
          !mentions.some((m) => m.start <= t.start && m.end >= t.end && m.type !== 'Place'),
      );
      if (firstCap && MEETING_KINDS.has(kind)) e.capCore ??= text.slice(firstCap.start, np.headEnd);
      if (kind === 'exercise' || kind === 'test' || kind === 'parade')
        for (const m of modifierStates) if (!m.demonym || modifierStates.length >= 2) e.participants.set(m.key, si);
      if (inPlace && kind !== 'visit' && !CONFLICT_KINDS.has(kind) && !e.place)
        e.place = { key: inPlace.key, sentence: si };
      if (modifierPlace && !e.place) e.place = { key: modifierPlace.key, sentence: si };
      // "co-hosted by A and B", "held by the Russian defense ministry", "published by KCNA"
      const after = text.slice(np.end, s.end);
      const agent =
        /^[^.;:]{0,40}?\b(?:co-)?(?:held|hosted|organi[sz]ed|sponsored|published|convened|issued|released)\s+by\s+/.exec(
          after,
        );
      if (agent) {
        const from = np.end + agent[0].length;
        const clauseEnd =
          from + (/[,;.(]|\s(?:on|in|since|to|that)\s/.exec(text.slice(from, s.end))?.index ?? s.end - from);
        for (const m of mentions)
          if (m.start >= from && m.end <= clauseEnd + 60 && m.start <= clauseEnd && m.actor && m.type !== 'State')
            e.participants.set(m.key, si);
      }
      // the subject of "conducts/holds/stages" takes part: "Russia conducts tactical nuclear combat drills"
      const before = text.slice(s.start, np.start);
      const light =
        /(\S+)\s+(?:conducts?|conducted|holds?|held|stages?|staged|carried out|carries out|hosts?|hosted)\s+$/.exec(
          before,
        );
      if (light) {
        const subj = [...inSentence(si)]
          .reverse()
          .find((m) => m.end <= np.start - light[0].length + light[1].length && m.actor);
        if (subj) e.participants.set(subj.key, si);
      }
      // "at the conference": the people and organisations of the sentence took part
      if (/\b(?:at|during)\s+$/.test(text.slice(Math.max(s.start, np.start - 8), np.start))) {
        const quoted = quotedSpans(text, s.start, s.end);
        for (const m of inSentence(si)) {
          if (
            !(m.type === 'Person' || (m.type === 'Organization' && m.actor)) ||
            (m.start >= np.start && m.end <= np.end)
          )
            continue;
          if (quoted.some(([a, b]) => m.start >= a && m.end <= b)) continue;
          if (m.end < np.start - 80 || m.start > np.end + 80) continue;
          e.participants.set(m.key, si);
        }
        // "on Kang’s behalf"
        for (const b of text.slice(s.start, s.end).matchAll(/on\s+(\p{Lu}[\p{L}-]*)[’']s\s+behalf/gu)) {
          const m = mentionAt(s.start + (b.index ?? 0) + 3);
          if (m?.type === 'Person') e.participants.set(m.key, si);
        }
      }
    }

    // Dated clauses: "Sergei Shoigu visited Pyongyang in July 2023", "X briefed reporters here Friday".
    for (let i = 0; i < tokens.length; i++) {
      const two = `${tokens[i].lower} ${tokens[i + 1]?.lower ?? ''}`;
      const verb = EVENT_VERBS.has(two) ? two : EVENT_VERBS.has(tokens[i].lower) ? tokens[i].lower : undefined;
      if (!verb || used.has(i)) continue;
      if (!/^\p{Ll}/u.test(tokens[i].text)) continue;
      const kind = EVENT_VERBS.get(verb)!;
      const verbStart = tokens[i].start;
      const verbEnd = verb.includes(' ') ? tokens[i + 1].end : tokens[i].end;
      const clauseEnd = clauseEndAfter(text, verbEnd, s.end);
      const date = dates.find((d) => d.start >= verbEnd && d.start < clauseEnd && !mentionAt(d.start));
      const future = futureAfter(verbEnd);
      if (!date && !(future && future.end <= clauseEnd + future.text.length)) continue;
      const before = inSentence(si).filter((m) => m.end <= verbStart && m.actor);
      const subject = subjectOf(text, before, verbStart);
      if (!subject) continue;
      const afterMentions = inSentence(si).filter(
        (m) => m.start >= verbEnd && m.end <= Math.max(clauseEnd, date?.end ?? 0),
      );
      const dest = afterMentions.find(
        (m) =>
          (m.type === 'Place' || m.type === 'State') &&
          (kind !== 'delivery' ||
            /\b(?:to|into)\s+(?:the\s+)?$/.test(text.slice(Math.max(verbEnd, m.start - 8), m.start))),
      );
      if (kind === 'delivery' && !dest) continue;
      const others = afterMentions.filter((m) => m.type === 'Person' || (m.type === 'Organization' && m.actor));
      // "the West met its obligations": a meeting needs someone to meet, after the verb or beside the subject
      const prevActor = before[before.indexOf(subject) - 1];
      const pairedSubject = prevActor && /^\s+and\s+$/.test(text.slice(prevActor.end, subject.start));
      if (MEETING_KINDS.has(kind) && !others.length && !pairedSubject) continue;
      const dateEnd = date ? date.end : future!.end;
      const endings = [dateEnd, ...afterMentions.filter((m) => !m.demonym).map((m) => m.end)].filter(
        (x) => x > verbEnd,
      );
      const subjStart = subject.start;
      const variants = new Set<string>();
      for (const st of [verbStart, subjStart])
        for (const en of endings) variants.add(text.slice(st, en).trim().replace(/\s+/g, ' '));
      let e: DocEvent | undefined = events.find(
        (x) =>
          !x.mergedInto &&
          group(x.kind) === group(kind) &&
          (x.visitor?.key === subject.key || x.participants.has(subject.key)) &&
          compatibleDates(x.date, date?.iso),
      );
      e ??= newEvent(kind, si, verbStart);
      e.mentions.push({ start: subjStart, end: dateEnd, text: text.slice(subjStart, dateEnd), sentence: si });
      e.surfaces.push(...variants);
      e.core ??= text.slice(verbStart, dest ? dest.end : verbEnd);
      if (date?.iso && !e.date) {
        e.date = date.iso;
        e.dateText = date.text;
      }
      if (kind === 'visit') {
        e.visitor ??= { key: subject.key, sentence: si };
        if (dest) e.destination ??= { key: dest.key, sentence: si };
        for (const o of others) e.participants.set(o.key, si);
        // "visit Mr. Kim in Pyongyang": the city is where the visit takes place
        const inPlace = afterMentions.find(
          (m) => m.type === 'Place' && /\bin\s+$/.test(text.slice(Math.max(verbEnd, m.start - 4), m.start)),
        );
        if (inPlace) e.destination = { key: inPlace.key, sentence: si };
      } else {
        e.participants.set(subject.key, si);
        // "Kishida and Marcos met", "Merkel, Hollande, Putin and Poroshenko met": every coordinated subject
        // takes part
        for (let k = before.indexOf(subject); k > 0; k--) {
          const prev = before[k - 1];
          const gap = text.slice(prev.end, before[k].start);
          const joined =
            k === before.indexOf(subject) ? /^,?\s+and\s+(?:\S+\s+){0,4}$/ : /^(?:,|,?\s+and)\s+(?:\S+\s+){0,4}$/;
          if (!joined.test(gap) || prev.type !== subject.type) break;
          e.participants.set(prev.key, si);
        }
        for (const o of others) e.participants.set(o.key, si);
        const places = afterMentions.filter((m) => m.type === 'Place');
        // "met in the Black Sea resort of Sochi": the place a common noun names with "of"
        const place =
          places.find(
            (m, k) => k > 0 && /^\s+(?:\p{Ll}+\s+){1,2}of\s+$/u.test(text.slice(places[k - 1].end, m.start)),
          ) ?? places[0];
        if (place) e.place ??= { key: place.key, sentence: si };
        else if (dest && kind === 'delivery') e.destination ??= { key: dest.key, sentence: si };
      }
    }
  });

  mergeWithinDocument(events, resolved);
  for (const e of events) if (!e.mergedInto) e.key = `Event:${norm(eventName(e, resolved))}`;
  return events.filter((e) => !e.mergedInto);
}

const FOLLOWERS = new Set(
  'of to in on at between with by against and or from into toward towards over around among that which who was were is are has have had will would could may might set held published also itself themselves for as since during last this next earlier later here co-hosted hosted organized organised'.split(
    ' ',
  ),
);

/** The subject of a verb: the nearest actor before it, or the person an apposition describes. */
function subjectOf(text: string, before: ResolvedMention[], verbStart: number): ResolvedMention | undefined {
  const nearest = before[before.length - 1];
  if (!nearest) return undefined;
  const person = before.find(
    (m) =>
      m.type === 'Person' &&
      /^,\s/.test(text.slice(m.end, m.end + 2)) &&
      /,\s*$/.test(text.slice(m.end, verbStart)) &&
      !/[“”"]/.test(text.slice(m.end, verbStart)),
  );
  return person ?? nearest;
}

function quotedSpans(text: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /[“"]([^”"]*)[”"]/g;
  const slice = text.slice(from, to);
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice))) out.push([from + m.index, from + m.index + m[0].length]);
  // an opening quote never closed in this sentence runs to its end
  const open = slice.lastIndexOf('“');
  if (open > slice.lastIndexOf('”')) out.push([from + open, to]);
  return out;
}

function clauseEndAfter(text: string, from: number, sentenceEnd: number): number {
  const m = /[;:]|,\s+(?:and|but|while|which|who|he|she|they)\b|\s(?:that|which|while|because)\s/.exec(
    text.slice(from, sentenceEnd),
  );
  return m ? from + m.index : sentenceEnd;
}

export function compatibleDates(a?: string, b?: string): boolean {
  if (!a || !b) return true;
  return a.startsWith(b) || b.startsWith(a);
}

/** Two full dates at most a day apart: one happening over a night ("February 11-12"). */
function adjacentDays(a?: string, b?: string): boolean {
  if (!a || !b || a.length !== 10 || b.length !== 10) return false;
  return Math.abs(Date.parse(a) - Date.parse(b)) <= 86_400_000;
}

/** his/her -> the nearest person; its/their -> the nearest state or organisation (same sentence first). */
export function resolvePronoun(
  pronoun: string,
  at: number,
  si: number,
  mentions: ResolvedMention[],
): string | undefined {
  const wantPerson = pronoun === 'his' || pronoun === 'her' || pronoun === 'he' || pronoun === 'she';
  const ok = (m: ResolvedMention): boolean =>
    wantPerson ? m.type === 'Person' : (m.type === 'State' || m.type === 'Organization') && m.actor;
  const before = mentions.filter((m) => m.end <= at && ok(m) && m.sentence >= si - 2);
  const sameBefore = before.filter((m) => m.sentence === si);
  if (sameBefore.length) return sameBefore[sameBefore.length - 1].key;
  if (before.length) return before[before.length - 1].key;
  const after = mentions.find((m) => m.start >= at && m.sentence === si && ok(m));
  return after?.key;
}

function mergeWithinDocument(events: DocEvent[], resolved: Resolved): void {
  const live = (): DocEvent[] => events.filter((e) => !e.mergedInto);
  const merge = (into: DocEvent, from: DocEvent): void => {
    if (into === from || from.mergedInto) return;
    from.mergedInto = 'x';
    into.mentions.push(...from.mentions);
    into.surfaces.push(...from.surfaces);
    for (const [k, v] of from.participants) if (!into.participants.has(k)) into.participants.set(k, v);
    into.named ??= from.named;
    into.core ??= from.core;
    into.capCore ??= from.capCore;
    into.date ??= from.date;
    into.dateText ??= from.dateText;
    into.visitor ??= from.visitor;
    into.destination ??= from.destination;
    into.place ??= from.place;
    into.attacker ??= from.attacker;
    into.target ??= from.target;
    into.first = Math.min(into.first, from.first);
  };
  // "X held talks with Y …, in a summit that …": meetings named in one sentence, or dated on the same or the
  // next day ("met on February 11-12 for talks … agreed after all-night talks"), are one meeting, unless
  // each has its own people and they differ.
  const meetings = live().filter((e) => MEETING_KINDS.has(e.kind));
  for (const a of meetings)
    for (const b of meetings) {
      if (a === b || a.mergedInto || b.mergedInto || a.first > b.first) continue;
      const adjacent = adjacentDays(a.date, b.date);
      const together = adjacent || a.mentions.some((m) => b.mentions.some((n) => n.sentence === m.sentence));
      const people = (e: DocEvent): string[] => [...e.participants.keys()];
      const apart = people(a).length > 0 && people(b).length > 0 && !people(b).some((p) => a.participants.has(p));
      if (together && !apart && (adjacent || compatibleDates(a.date, b.date)) && !(a.named && b.named)) merge(a, b);
    }
  // A summit or talks between people one of whom is visiting: the visit and the summit are one event.
  for (const m of live().filter((e) => MEETING_KINDS.has(e.kind))) {
    const visit = live().find(
      (v) =>
        v.kind === 'visit' &&
        v.visitor &&
        (m.participants.has(v.visitor.key) || [...m.participants.keys()].some((p) => v.participants.has(p))) &&
        compatibleDates(v.date, m.date),
    );
    if (visit) merge(visit, m);
  }
  // Wars and invasions of the same target are one conflict; an untargeted one joins the only targeted one.
  const conflicts = live().filter((e) => CONFLICT_KINDS.has(e.kind));
  for (const a of conflicts)
    for (const b of conflicts)
      if (a !== b && !a.mergedInto && !b.mergedInto && a.target && a.target.key === b.target?.key) merge(a, b);
  const targeted = live().filter((e) => CONFLICT_KINDS.has(e.kind) && e.target);
  const targets = new Set(targeted.map((e) => e.target!.key));
  if (targets.size === 1)
    for (const e of live().filter((x) => CONFLICT_KINDS.has(x.kind) && !x.target && !x.named)) merge(targeted[0], e);
  // "a short-lived armed mutiny … Wagner's 24-hour rebellion … the uprising": one mutiny per story
  for (const kind of SINGULAR_KINDS) {
    const same = live().filter((e) => e.kind === kind);
    for (const e of same.slice(1))
      if (compatibleDates(same[0].date, e.date) && !(same[0].named && e.named)) merge(same[0], e);
  }
  // Conferences and forums of one document are one gathering unless two different names say otherwise.
  const gatherings = live().filter((e) => group(e.kind) === 'gathering');
  for (const g of gatherings) {
    const into = live().find(
      (x) =>
        x !== g &&
        group(x.kind) === 'gathering' &&
        x.first < g.first &&
        compatibleDates(x.date, g.date) &&
        !(x.named && g.named),
    );
    if (into && !g.mergedInto) merge(into, g);
  }
  // "the order … its order of 26 January": an event met first as a bare reference is the one introduced later
  for (const t of live().filter((e) => e.topical)) {
    const into = live().find(
      (x) => x !== t && !x.topical && group(x.kind) === group(t.kind) && compatibleDates(x.date, t.date),
    );
    if (into) merge(into, t);
  }
  // Same canonical name, its date aside ("Order" and "Order (2024-01-26)"): same event.
  const byName = new Map<string, DocEvent>();
  for (const e of live()) {
    const key = norm(eventName(e, resolved).replace(/\s*\([^)]*\d{4}[^)]*\)$/, ''));
    const other = byName.get(key);
    if (other && compatibleDates(other.date, e.date)) merge(other, e);
    else byName.set(key, e);
  }
}

/** Canonical name: stable across documents so that the same event merges by name. */
export function eventName(e: DocEvent, resolved: Resolved): string {
  const name = (key?: string): string | undefined => (key ? resolved.entities.get(key)?.name : undefined);
  const stateOf = (key?: string): string | undefined => {
    const ent = key ? resolved.entities.get(key) : undefined;
    if (!ent) return undefined;
    if (ent.type === 'Place' && typeof ent.attributes.country === 'string' && ent.attributes.country)
      return ent.attributes.country;
    return ent.name;
  };
  if (CONFLICT_KINDS.has(e.kind) && e.target) return `War in ${name(e.target.key)}`;
  if (e.kind === 'visit' && e.visitor && e.destination)
    return `${name(e.visitor.key)}’s visit to ${stateOf(e.destination.key)}`;
  if (e.named) return e.named.replace(/^the\s+/i, '');
  if (e.capCore) return `${e.capCore}${e.date ? ` (${e.date.slice(0, 7)})` : ''}`;
  const people = [...e.participants.keys()]
    .filter((k) => resolved.entities.get(k)?.type === 'Person')
    .map((k) => name(k)!)
    .sort();
  if (MEETING_KINDS.has(e.kind) && people.length >= 2)
    return `${capitalise(e.kind)} between ${people.join(' and ')}${e.date ? ` (${e.date.slice(0, 4)})` : ''}`;
  if (['statement', 'briefing', 'editorial', 'speech'].includes(e.kind) && e.participants.size) {
    const who = name([...e.participants.keys()][0]);
    return `${who}’s ${e.kind}${e.date ? ` (${e.date})` : ''}`;
  }
  if (e.kind === 'delivery' && e.participants.size) {
    const who = name([...e.participants.keys()][0]);
    const to = name(e.destination?.key);
    return `Delivery by ${who}${to ? ` to ${to}` : ''}${e.date ? ` (${e.date.slice(0, 4)})` : ''}`;
  }
  const core = shortestCore(e);
  return `${capitalise(core)}${e.date && !core.includes(e.date.slice(0, 4)) ? ` (${e.date})` : ''}`;
}

function shortestCore(e: DocEvent): string {
  return (e.core ?? e.surfaces[0] ?? e.kind)
    .replace(/^(?:a|an|the|this|that|its|his|her|their)\s+/i, '')
    .replace(/[“”"]/g, '');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
