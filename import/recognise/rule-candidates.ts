/**
 * Stage 4: recognise. Finds named mentions in the kept sentences: states (names, alternative names,
 * demonyms, capitals and seats of government used as actors), places, organisations (head words,
 * acronyms defined in the text, state institutions such as "the Russian defense ministry"), people
 * (capitalised names, titles, honorifics) and named events. Treaties and nominal events are found later,
 * in the relate stage, because they need the resolved actors around them.
 */
import type { AttributeValue, EntityType } from '../../graph/model/types';
import { gazetteer, type GazetteerMatch } from './gazetteer';
import {
  CAPITALISED_STOPWORDS,
  DIRECTIONAL_PREPOSITIONS,
  EVENT_NAMED_EXCLUDE,
  EVENT_NAMED_HEADS,
  EVENT_NOUNS,
  HONORIFICS,
  LOCATIVE_PREPOSITIONS,
  GOVERNING_PEOPLE,
  ORG_HEADS,
  ORG_DESCRIPTORS,
  ORG_LEADING,
  ORG_MULTI_HEADS,
  PLACE_PREFIX_HEADS,
  PLACE_SUFFIX_HEADS,
  ROLES,
  STATE_INSTITUTIONS,
  TREATY_HEADS,
} from '../lexicon';
import type { Sentence } from '../segment';
import { isCapitalised, tokenize, type Token } from '../text/tokens';
import { isMonthName, isWeekdayName } from '../text/dates';
import { norm } from '../text/norm';
import { findTreatyNames } from '../text/treaty-names';

export interface Candidate {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** Resolution key within the document: same key, same entity. Short forms get theirs in resolve. */
  key: string;
  name: string;
  aliases: string[];
  sentence: number;
  /** Can be an argument of a fact (a demonym modifier such as "Russian" in "Russian President" cannot). */
  actor: boolean;
  demonym?: boolean;
  /** A short form ("Kang", "Mr. Kim", "KCNA") that resolve maps to a full name. */
  short?: 'surname' | 'acronym';
  /** the text is not a name of the entity ("North Korean" in "the North Korean and Russian militaries") */
  noTextAlias?: boolean;
  /** a title or honorific stands before the name ("President", "Mr."): evidence that it names a person */
  titled?: boolean;
  stateCode?: string;
  attributes: Record<string, AttributeValue>;
}

export interface Recognised {
  candidates: Candidate[];
  /** acronym -> the long form's text, as defined in this document */
  acronyms: Map<string, string>;
  tokens: Token[][]; // per sentence
}

/** Capitalised words that are never part of a person's name. */
const NON_NAME_WORDS = new Set(
  'east west north south asian european african american western eastern northern southern central international national strategic global federal republican democratic communist islamic christian muslim jewish arab nordic baltic pacific atlantic middle new old great united nuclear power plant energy atomic military defense defence security foreign affairs economic trade human rights peace'.split(
    ' ',
  ),
);
// "McCarthy", "MacArthur", "O'Brien", "DeSantis": a name prefix before a second capital
const NAME_TOKEN = /^(?:\p{Lu}[\p{Ll}’'-]*|(?:Mc|Mac|O['’]|D['’]|De|Di|Le|La)\p{Lu}\p{Ll}+)(?:-\p{L}[\p{Ll}]*)*$/u;
const CONNECTORS = new Set(['of', 'for', 'and', 'on', '&', 'de', 'du', 'la', 'von', 'van', 'bin', 'al']);

export function recognise(text: string, sentences: Sentence[]): Recognised {
  const gaz = gazetteer();
  const candidates: Candidate[] = [];
  const acronyms = new Map<string, string>();
  const lowerWords = new Set<string>();
  for (const s of sentences) for (const w of s.text.matchAll(/(?<![\p{L}])\p{Ll}[\p{Ll}-]+/gu)) lowerWords.add(w[0]);
  const allTokens = sentences.map((s) => tokenize(s.text, s.start));

  // Acronyms defined in the text: "Korean Central News Agency (KCNA)", "(DPRK or North Korea)".
  for (const s of sentences) {
    for (const m of s.text.matchAll(
      /((?:[\p{Lu}][\p{L}’'.-]*|of|for|and|on|the|&)(?:\s+(?:[\p{Lu}][\p{L}’'.-]*|of|for|and|on|the|&))*)\s+\(([\p{Lu}][\p{Lu}.]{1,9})\)/gu,
    )) {
      const long = acronymLongForm(m[1], m[2]);
      if (long) acronyms.set(m[2], long);
    }
    // "the Joint Comprehensive Plan of Action, or JCPOA,": the same definition without parentheses
    for (const m of s.text.matchAll(
      /((?:[\p{Lu}][\p{L}’'.-]*|of|for|and|on|the|&)(?:\s+(?:[\p{Lu}][\p{L}’'.-]*|of|for|and|on|the|&))*),\s+or\s+([\p{Lu}][\p{Lu}.]{1,9})(?=[,;.)]|\s)/gu,
    )) {
      const long = acronymLongForm(m[1], m[2]);
      if (long && !acronyms.has(m[2])) acronyms.set(m[2], long);
    }
  }

  // State mentions first: they decide what "the North" means and which capitals are places here.
  const gazMatches: Array<GazetteerMatch & { sentence: number }> = [];
  sentences.forEach((s, i) => {
    for (const m of gaz.match(s.text))
      gazMatches.push({ ...m, start: m.start + s.start, end: m.end + s.start, sentence: i });
  });
  const capitalPlaces = new Set<string>();
  for (const m of gazMatches) {
    if (m.kind !== 'capital') continue;
    const before = text.slice(Math.max(0, m.start - 12), m.start);
    const prep = /(\p{L}+)\s+$/u.exec(before)?.[1]?.toLowerCase();
    const dateline = /^[\p{Lu}\s.]+$/u.test(m.text) && /^\s*[,—–-]/.test(text.slice(m.end, m.end + 3));
    if (dateline || (prep && LOCATIVE_PREPOSITIONS.has(prep) && prep !== 'from' && !isPossessive(text, m.end)))
      capitalPlaces.add(m.name.toLowerCase());
  }

  // Spans already typed (organisations, events, places), per sentence so that lookups stay local.
  const typedBySentence: Array<Array<[number, number]>> = sentences.map(() => []);
  const covered = (si: number, start: number, end: number): boolean =>
    typedBySentence[si].some(([a, b]) => start < b && end > a);
  const gazBySentence: Array<Array<GazetteerMatch & { sentence: number }>> = sentences.map(() => []);
  for (const m of gazMatches) gazBySentence[m.sentence].push(m);
  const treatyNames = sentences.map((s) =>
    findTreatyNames(s.text).map((t) => [s.start + t.start, s.start + t.end] as const),
  );
  const inTreatyName = (si: number, start: number, end: number): boolean =>
    treatyNames[si].some(([a, b]) => start < b && end > a);

  // Capitalised sequences: organisations, places, named events, people.
  sentences.forEach((s, si) => {
    const tokens = allTokens[si].filter((t) => !covered(si, t.start, t.end) && !inTreatyName(si, t.start, t.end));
    for (const seq of capitalisedSequences(text, tokens, s, lowerWords)) classify(seq, s, si);
  });

  function classify(seq: Token[], s: Sentence, si: number): void {
    if (!seq.length) return;
    const gz = gazBySentence[si];
    const words = seq.map((t) => t.lower);
    const first = seq[0];
    const last = seq[seq.length - 1];
    const spanText = text.slice(first.start, last.end);
    if (gz.some((g) => g.start === first.start && g.end === last.end)) return;
    const leadState = gz.find((g) => g.start === first.start && (g.kind === 'state' || g.kind === 'demonym'));
    if (leadState && institutionAfter(text, leadState.end)?.end === last.end) return; // a state institution, below
    const andAt = words.findIndex(
      (w, i) => w === 'and' && i > 1 && ORG_HEADS.has(words[i - 1]) && words.slice(i + 1).some((x) => ORG_HEADS.has(x)),
    );
    if (andAt > 0) {
      // "the Carnegie Foundation and Seoul National University": two organisations
      classify(seq.slice(0, andAt), s, si);
      classify(seq.slice(andAt + 1), s, si);
      return;
    }
    // a head word inside a state's name ("Russian Federation") does not make an organisation
    const inState = seq.map((t) =>
      gz.some((g) => (g.kind === 'state' || g.kind === 'seat') && g.start <= t.start && g.end >= t.end),
    );
    if (isOrganisationName(words.map((w, i) => (inState[i] ? '' : w)))) {
      // "National Security Council Coordinator for ...": the organisation ends where a title begins
      let cut = seq.length;
      for (let i = 1; i < seq.length; i++) {
        if (
          ROLES.some((r) => r.every((w, k) => words[i + k] === w)) &&
          words.slice(0, i).some((w) => ORG_HEADS.has(w))
        ) {
          cut = i;
          break;
        }
      }
      const orgEnd = seq[cut - 1].end;
      const orgText = text.slice(first.start, orgEnd);
      candidates.push(
        make(s, si, first.start, orgEnd, orgText, 'Organization', `Organization:${norm(orgText)}`, orgText),
      );
      typedBySentence[si].push([first.start, orgEnd]);
      if (cut < seq.length) classify(seq.slice(cut), s, si);
      return;
    }
    const headAt = words.findIndex((w, i) => i > 0 && EVENT_NAMED_HEADS.has(w));
    if (headAt > 0) {
      // "... on Eve of Kim-Putin Summit" -> "Kim-Putin Summit"; "Moscow Conference on International Security"
      let from = headAt;
      while (
        from > 0 &&
        !CONNECTORS.has(words[from - 1]) &&
        !CAPITALISED_STOPWORDS.has(words[from - 1]) &&
        !/^(makes?|says?|calls?|warns?)$/.test(words[from - 1]) &&
        headAt - from < 3
      )
        from--;
      const evWords = words.slice(from);
      const evText = text.slice(seq[from].start, last.end);
      if (!EVENT_NAMED_EXCLUDE.has(evWords.join(' ')) && !EVENT_NAMED_EXCLUDE.has(evWords.slice(-2).join(' '))) {
        candidates.push(make(s, si, seq[from].start, last.end, evText, 'Event', `Event:${norm(evText)}`, evText));
        typedBySentence[si].push([seq[from].start, last.end]);
      }
      classify(seq.slice(0, from), s, si);
      return;
    }
    const isGaz = (t: Token): boolean => gz.some((g) => g.start <= t.start && g.end >= t.end);
    const suffixAt = words.findIndex((w, i) => i > 0 && PLACE_SUFFIX_HEADS.has(w));
    const prefixAt = words.findIndex((w, i) => i < words.length - 1 && PLACE_PREFIX_HEADS.includes(w));
    if (suffixAt > 0 || prefixAt >= 0) {
      let from: number;
      let to: number;
      if (suffixAt > 0) {
        from = suffixAt;
        while (
          from > 0 &&
          !CONNECTORS.has(words[from - 1]) &&
          suffixAt - from < 3 &&
          !(
            isGaz(seq[from - 1]) &&
            gz.find((g) => g.start <= seq[from - 1].start && g.end >= seq[from - 1].end)?.kind !== 'demonym'
          )
        )
          from--;
        to = suffixAt;
      } else {
        from = prefixAt;
        to = prefixAt + 1;
      }
      if (from < to || prefixAt >= 0) {
        const pStart = seq[from].start;
        const pEnd = seq[to].end;
        const pText = text.slice(pStart, pEnd);
        const inner = gz.find((g) => g.start === pStart && g.end === pEnd);
        if (!inner) {
          candidates.push(make(s, si, pStart, pEnd, pText, 'Place', `Place:${norm(pText)}`, pText));
          typedBySentence[si].push([pStart, pEnd]);
        }
        classify(seq.slice(0, from), s, si);
        classify(seq.slice(to + 1), s, si);
        return;
      }
    }
    for (const chunk of personChunks(text, seq, gz)) {
      const cStart = chunk.tokens[0].start;
      const cEnd = chunk.tokens[chunk.tokens.length - 1].end;
      const chunkText = text.slice(cStart, cEnd);
      const after = /^\s+(\p{Ll}+)/u.exec(text.slice(cEnd, cEnd + 30))?.[1];
      if (after && (EVENT_NOUNS.has(after) || TREATY_HEADS.has(after))) continue; // "the Freedom Shield exercise"
      if (chunk.tokens.length >= 2 && !s.headline) {
        const c = make(s, si, cStart, cEnd, chunkText, 'Person', `Person:${norm(chunkText)}`, chunkText);
        if (chunk.honorific) c.titled = true;
        candidates.push(c);
      } else if (chunk.tokens.length === 1) {
        const c = make(s, si, cStart, cEnd, chunkText, 'Person', `Short:${norm(chunkText)}`, chunkText);
        c.short = 'surname';
        if (chunk.honorific) {
          c.attributes.honorific = chunk.honorific;
          c.titled = true;
        }
        candidates.push(c);
      }
    }
    void spanText;
  }

  // "the Russian defense ministry", "North Korea's Foreign Ministry", "the North Korean and Russian militaries"
  const northSouth = new Map<string, string>();
  for (const m of gazMatches) {
    const compass = /^(North|South|East|West) /.exec(m.kind === 'state' ? m.name : '');
    if (compass && !northSouth.has(compass[1])) northSouth.set(compass[1], m.code!);
  }
  const stateMentions: Array<{
    start: number;
    end: number;
    code: string;
    sentence: number;
    text: string;
    kind: string;
  }> = [];
  for (const m of gazMatches) {
    if (covered(m.sentence, m.start, m.end)) continue;
    if (m.kind === 'state' || m.kind === 'demonym' || m.kind === 'seat')
      stateMentions.push({
        start: m.start,
        end: m.end,
        code: m.code!,
        sentence: m.sentence,
        text: m.text,
        kind: m.kind,
      });
  }
  sentences.forEach((s, si) => {
    for (const m of s.text.matchAll(/\b[Tt]he (North|South)\b(?!\s+\p{Lu})/gu)) {
      const code = northSouth.get(m[1]);
      if (code)
        stateMentions.push({
          start: s.start + m.index,
          end: s.start + m.index + m[0].length,
          code,
          sentence: si,
          text: m[0],
          kind: 'state',
        });
    }
  });
  stateMentions.sort((a, b) => a.start - b.start);
  for (let i = 0; i < stateMentions.length; i++) {
    const m = stateMentions[i];
    const info = gaz.states.get(m.code)!;
    let inst = institutionAfter(text, m.end);
    if (inst && /^Armed Forces/.test(inst.def.name) && m.kind !== 'demonym') inst = undefined;
    let found = inst;
    if (!found) {
      // coordination: "the North Korean and Russian militaries"
      const next = stateMentions[i + 1];
      if (next && /^\s+and\s+$/.test(text.slice(m.end, next.start))) {
        const nextInst = institutionAfter(text, next.end);
        if (nextInst && /militaries|ministries|embassies|armies/i.test(nextInst.text))
          found = { ...nextInst, end: m.end, text: nextInst.text, coordinated: true };
      }
    }
    if (!found) continue;
    const demonym = info.demonyms[0] ?? info.name;
    let name = found.def.name.replace('{state}', info.name);
    const aliases = [found.def.alias, ...found.def.extraAliases].map((a) =>
      a.replace('{demonym}', demonym).replace('{state}', info.name),
    );
    // a well-known institution keeps its own name ("North Korean military" is the Korean People's Army)
    const known = aliases
      .map(
        (a) =>
          gaz.describedOrganization(a) ??
          (gaz.surfaces.get(a)?.kind === 'organization' ? gaz.surfaces.get(a)!.name : undefined),
      )
      .find(Boolean);
    if (known) name = known;
    const end = found.coordinated ? m.end : found.end;
    const surface = text.slice(m.start, end).replace(/^the /i, '');
    if (!found.coordinated) aliases.push(surface);
    else aliases.push(`${demonym} ${found.text.replace(/ies$/, 'y').replace(/s$/, '')}`);
    const c = make(
      sentences[m.sentence],
      m.sentence,
      m.start,
      end,
      text.slice(m.start, end),
      'Organization',
      `Organization:${norm(name)}`,
      name,
    );
    c.aliases = aliases;
    c.stateCode = m.code;
    c.attributes.state = info.name;
    if (found.coordinated) c.noTextAlias = true;
    candidates.push(c);
    typedBySentence[m.sentence].push([m.start, end]);
    // the state itself is still mentioned, as a modifier
    candidates.push(stateCandidate(sentences[m.sentence], m.sentence, m, false));
    m.code = ''; // consumed
  }
  const candidatesBySentence: Candidate[][] = sentences.map(() => []);
  for (const c of candidates) candidatesBySentence[c.sentence].push(c);
  for (const m of stateMentions) {
    if (!m.code) continue;
    if (candidatesBySentence[m.sentence].some((c) => c.start <= m.start && c.end >= m.end)) continue;
    candidates.push(stateCandidate(sentences[m.sentence], m.sentence, m, m.kind !== 'demonym'));
  }

  // Capitals: an actor ("Pyongyang said") is the state; a location ("a parade in Pyongyang") is the place,
  // when this document uses the city as a place at least once.
  for (const m of gazMatches) {
    if (covered(m.sentence, m.start, m.end)) continue;
    const s = sentences[m.sentence];
    if (m.kind === 'capital') {
      const before = text.slice(Math.max(0, m.start - 20), m.start);
      const prev = /(\p{L}+)[\s]+$/u.exec(before)?.[1]?.toLowerCase() ?? '';
      const dateline = /^[\p{Lu}\s.]+$/u.test(m.text) && /^\s*[,—–-]/.test(text.slice(m.end, m.end + 3));
      // "officials in Moscow" speak for the state
      const governing =
        prev === 'in' && GOVERNING_PEOPLE.has(/(\p{L}+)\s+in\s+$/u.exec(before)?.[1]?.toLowerCase() ?? '');
      const locative =
        !governing &&
        !isPossessive(text, m.end) &&
        (dateline || LOCATIVE_PREPOSITIONS.has(prev) || DIRECTIONAL_PREPOSITIONS.has(prev) || /^visit/.test(prev));
      if (locative && capitalPlaces.has(m.name.toLowerCase())) {
        const name = titleCase(m.name);
        const c = make(s, m.sentence, m.start, m.end, m.text, 'Place', `Place:${norm(name)}`, name);
        c.stateCode = m.code;
        c.attributes.country = gaz.states.get(m.code!)?.name ?? '';
        candidates.push(c);
      } else {
        candidates.push(stateCandidate(s, m.sentence, { ...m, code: m.code! }, true));
      }
    } else if (m.kind === 'region') {
      candidates.push(make(s, m.sentence, m.start, m.end, m.text, 'Place', `Place:${norm(m.name)}`, m.name));
    } else if (m.kind === 'organization') {
      const c = make(s, m.sentence, m.start, m.end, m.text, 'Organization', `Organization:${norm(m.name)}`, m.name);
      candidates.push(c);
    }
  }

  // "its open-source intelligence platform, 38 North": a name introduced by what it is
  const definedNames = new Set<string>();
  const descriptors = [...ORG_DESCRIPTORS].map((d) => escapeRe(d)).join('|');
  sentences.forEach((s, si) => {
    const re = new RegExp(
      `\\b(?:${descriptors}),\\s+((?:\\d+\\s+)?\\p{Lu}[\\p{L}’'-]*(?:\\s+\\p{Lu}[\\p{L}’'-]*){0,4})(?=[,.;)]|\\s+(?:is|was|has|said)\\b)`,
      'gu',
    );
    for (const m of s.text.matchAll(re)) {
      const start = s.start + (m.index ?? 0) + m[0].length - m[1].length;
      const end = start + m[1].length;
      if (candidates.some((c) => c.start < end && c.end > start && c.type !== 'Person')) continue;
      for (let k = candidates.length - 1; k >= 0; k--)
        if (candidates[k].start >= start && candidates[k].end <= end) candidates.splice(k, 1);
      candidates.push(make(s, si, start, end, m[1], 'Organization', `Organization:${norm(m[1])}`, m[1]));
      typedBySentence[si].push([start, end]);
      definedNames.add(m[1]);
    }
    // "Wagner is a Russian private mercenary organization."
    const def = new RegExp(
      `^(\\p{Lu}[\\p{L}’'-]*(?:\\s+\\p{Lu}[\\p{L}’'-]*){0,3})\\s+is\\s+an?\\s+(?:[\\p{L}-]+\\s+){0,4}(?:${descriptors})\\b`,
      'u',
    ).exec(s.text);
    if (def && !candidates.some((c) => c.start === s.start && c.type === 'Organization')) {
      for (let k = candidates.length - 1; k >= 0; k--)
        if (
          candidates[k].start >= s.start &&
          candidates[k].end <= s.start + def[1].length &&
          candidates[k].type === 'Person'
        )
          candidates.splice(k, 1);
      if (!candidates.some((c) => c.start === s.start && c.end === s.start + def[1].length))
        candidates.push(
          make(s, si, s.start, s.start + def[1].length, def[1], 'Organization', `Organization:${norm(def[1])}`, def[1]),
        );
    }
  });
  const bySentence = (): Candidate[][] => {
    const out: Candidate[][] = sentences.map(() => []);
    for (const c of candidates) out[c.sentence].push(c);
    return out;
  };
  // A name defined once is the same name elsewhere in the document ("A 38 North analysis").
  const beforeDefined = bySentence();
  for (const name of definedNames) {
    sentences.forEach((s, si) => {
      for (const m of s.text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(name)}(?![\\p{L}\\p{N}])`, 'gu'))) {
        const start = s.start + (m.index ?? 0);
        if (beforeDefined[si].some((c) => c.start < start + name.length && c.end > start && c.type !== 'Person'))
          continue;
        candidates.push(
          make(s, si, start, start + name.length, name, 'Organization', `Organization:${norm(name)}`, name),
        );
      }
    });
  }
  // A defined acronym whose long form is not recognised otherwise names an organisation.
  for (const [acronym, long] of acronyms) {
    if (
      candidates.some((c) => c.text === long || c.text.endsWith(long)) ||
      gaz.isKnownForm(long) ||
      gaz.isKnownForm(acronym)
    )
      continue;
    if (long.split(/\s+/).some((w) => TREATY_HEADS.has(w.toLowerCase()))) continue;
    sentences.forEach((s, si) => {
      const i = s.text.indexOf(`${long} (${acronym})`);
      if (i < 0) return;
      const start = s.start + i;
      for (let k = candidates.length - 1; k >= 0; k--)
        if (candidates[k].start >= start && candidates[k].end <= start + long.length) candidates.splice(k, 1);
      candidates.push(
        make(s, si, start, start + long.length, long, 'Organization', `Organization:${norm(long)}`, long),
      );
    });
  }
  // Acronym uses and definitions: "KCNA" is the long form defined in this document.
  const beforeAcronyms = bySentence();
  sentences.forEach((s, si) => {
    for (const t of allTokens[si]) {
      const long = acronyms.get(t.text);
      if (!long) continue;
      if (beforeAcronyms[si].some((c) => c.start <= t.start && c.end >= t.end)) continue;
      const c = make(s, si, t.start, t.end, t.text, 'Organization', `Acronym:${t.text}`, t.text);
      c.short = 'acronym';
      candidates.push(c);
    }
  });

  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  // Names inside a treaty's name are part of it, except the parties ("DPRK-Soviet Union Treaty").
  const kept = candidates.filter(
    (c) => c.type === 'State' || !treatyNames[c.sentence].some(([a, b]) => c.start >= a && c.end <= b),
  );
  return { candidates: dropNested(kept), acronyms, tokens: allTokens };
}

export function make(
  s: Sentence,
  si: number,
  start: number,
  end: number,
  text: string,
  type: EntityType,
  key: string,
  name: string,
): Candidate {
  void s;
  return { start, end, text, type, key, name, aliases: [], sentence: si, actor: true, attributes: {} };
}

export function stateCandidate(
  s: Sentence,
  si: number,
  m: { start: number; end: number; code: string; text: string; kind: string },
  actor: boolean,
): Candidate {
  const info = gazetteer().states.get(m.code)!;
  const c = make(s, si, m.start, m.end, m.text, 'State', `State:${m.code}`, info.name);
  c.stateCode = m.code;
  c.actor = actor && m.kind !== 'demonym';
  c.demonym = m.kind === 'demonym';
  if (info.official && info.official !== info.name) c.attributes.officialName = info.official;
  if (info.historical) c.attributes.historical = true;
  return c;
}

const MILITARY_MODIFIED = new Set(
  (
    'support activities activity exercises exercise cooperation aid assistance hardware equipment capabilities capability operations operation action actions forces drills drill ' +
    'officials official officers leaders leadership spending budget threat threats presence bases base personnel intelligence ties power parade tensions technology buildup might ' +
    'strength escalation strikes strike commanders commander sources source analysts experts junta rule government court campaign intervention pressure deal deals academy hospital ' +
    'police units unit action alliance means option options posture doctrine strategy planners plans plan training advisers advisors aircraft vehicles vessels ships satellites reconnaissance'
  ).split(' '),
);

function institutionAfter(
  text: string,
  end: number,
): { def: (typeof STATE_INSTITUTIONS)[number]; end: number; text: string; coordinated?: boolean } | undefined {
  const rest = text.slice(end, end + 60);
  const lead = /^(?:[’']s?)?\s+/.exec(rest);
  if (!lead) return undefined;
  const after = rest.slice(lead[0].length);
  for (const def of STATE_INSTITUTIONS) {
    const m = def.re.exec(after);
    if (!m) continue;
    const next = after.slice(m[0].length);
    // "U.S. military support": a modifier of another noun, not the institution itself
    if (/^Armed Forces/.test(def.name) && /^\s+\p{Ll}+/u.test(next)) {
      // "U.S. military support": the word qualifies another noun
      const w = /^\s+(\p{Ll}+)/u.exec(next)![1];
      if (MILITARY_MODIFIED.has(w)) continue;
    }
    return { def, end: end + lead[0].length + m[0].length, text: m[0] };
  }
  return undefined;
}

/** Maximal runs of capitalised tokens, joined by connectors ("Center for Strategic and International Studies"). */
function capitalisedSequences(text: string, tokens: Token[], s: Sentence, lowerWords: Set<string>): Token[][] {
  const out: Token[][] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapitalised(tokens[i])) {
      i++;
      continue;
    }
    const seq = [tokens[i]];
    let j = i + 1;
    while (j < tokens.length && !seq[seq.length - 1].possessive) {
      const g = text.slice(seq[seq.length - 1].end, tokens[j].start);
      if (!/^\s$/.test(g) && !(g === '' && false)) break;
      if (isCapitalised(tokens[j])) {
        seq.push(tokens[j]);
        j++;
      } else if (
        CONNECTORS.has(tokens[j].lower) &&
        j + 1 < tokens.length &&
        isCapitalised(tokens[j + 1]) &&
        !isMonthName(tokens[j + 1].text) &&
        !isWeekdayName(tokens[j + 1].text) &&
        /^\s$/.test(text.slice(tokens[j].end, tokens[j + 1].start))
      ) {
        seq.push(tokens[j], tokens[j + 1]);
        j += 2;
      } else break;
    }
    i = j;
    // "Hague-based International Criminal Court": the first word only qualifies the name
    if (
      seq.length > 1 &&
      /-(?:based|led|backed|owned|run|funded|made|born|era|style|linked|affiliated|allied|aligned)$/.test(seq[0].lower)
    )
      seq.shift();
    // Sentence-initial words and capitalised function words are not names.
    while (seq.length) {
      const t = seq[0];
      const initial =
        t.start === s.start ||
        /[“"‘([\]]\s*$/.test(text.slice(s.start, t.start)) ||
        /[:—–]\s*$/.test(text.slice(s.start, t.start));
      const common =
        CAPITALISED_STOPWORDS.has(t.lower) ||
        CONNECTORS.has(t.lower) ||
        /ly$/.test(t.lower) ||
        (initial && lowerWords.has(t.lower) && !gazetteer().isKnownForm(t.text));
      if (!common) break;
      seq.shift();
    }
    while (seq.length && CONNECTORS.has(seq[seq.length - 1].lower)) seq.pop();
    if (seq.length) out.push(seq);
  }
  return out;
}

function isOrganisationName(words: string[]): boolean {
  const joined = words.join(' ');
  if (ORG_LEADING.some((h) => joined.startsWith(h + ' '))) return true;
  if (ORG_MULTI_HEADS.some((h) => joined.endsWith(' ' + h))) return true;
  return words.slice(1).some((w) => ORG_HEADS.has(w)) || (words.length >= 2 && ORG_HEADS.has(words[0]) && false);
}

/** Splits a sequence at titles, honorifics, connectors and known places/states; what remains may be names. */
function personChunks(
  text: string,
  seq: Token[],
  gaz: GazetteerMatch[],
): Array<{ tokens: Token[]; honorific?: string }> {
  const chunks: Array<{ tokens: Token[]; honorific?: string; afterConnector?: boolean }> = [];
  let current: Token[] = [];
  let honorific: string | undefined;
  let afterConnector = false;
  const flush = (): void => {
    if (current.length) chunks.push({ tokens: current, honorific, afterConnector });
    current = [];
    honorific = undefined;
    afterConnector = false;
  };
  for (let i = 0; i < seq.length; i++) {
    const t = seq[i];
    const role = ROLES.find((r) => r.every((w, k) => seq[i + k]?.lower === w));
    if (role) {
      flush();
      i += role.length - 1;
      honorific = seq[i].text; // "President Biden": a title makes a lone name a person
      continue;
    }
    if (
      (HONORIFICS.has(t.lower) && /^\./.test(text.slice(t.end, t.end + 1))) ||
      (HONORIFICS.has(t.lower) && /^(comrade|sir|dame|lord|lady|miss)$/.test(t.lower))
    ) {
      flush();
      honorific = t.text;
      continue;
    }
    const inGaz =
      gaz.some((g) => g.start <= t.start && g.end >= t.end) || gaz.some((g) => t.start <= g.start && t.end >= g.end);
    if (inGaz || CONNECTORS.has(t.lower) || !NAME_TOKEN.test(t.text) || CAPITALISED_STOPWORDS.has(t.lower)) {
      flush();
      if (CONNECTORS.has(t.lower) && t.lower !== 'and') afterConnector = true;
      continue;
    }
    current.push(t);
    if (t.possessive) {
      const h = honorific;
      flush();
      honorific = h ? undefined : undefined;
    }
  }
  flush();
  return chunks.filter((c) => {
    if (c.tokens.length > 4) return false;
    if (c.tokens.length === 1 && isMonthName(c.tokens[0].text)) return Boolean(c.honorific);
    if (c.afterConnector) return false; // "Coordinator for Strategic Communications"
    if (c.tokens.some((t) => NON_NAME_WORDS.has(t.lower))) return false;
    return true;
  });
}

function acronymLongForm(phrase: string, acronym: string): string | undefined {
  const letters = acronym.replace(/\./g, '').replace(/s$/, '').toUpperCase();
  const words = phrase.split(/\s+/);
  const connector = (w: string): boolean => /^(of|for|and|on|the|&|de|des|du|la|le)$/i.test(w);
  for (let k = 1; k <= words.length; k++) {
    const tail = words.slice(words.length - k);
    if (connector(tail[0])) continue;
    if (initialsMatch(letters, tail, connector)) return tail.join(' ');
  }
  // "Kuomintang (KMT)": a one-word name abbreviated by letters from inside it
  const last = words[words.length - 1];
  if (
    words.length >= 1 &&
    last.length > letters.length + 2 &&
    isSubsequence(letters, last.toUpperCase()) &&
    last[0] === letters[0]
  )
    return last;
  // "Alliance of Sahel States (AES)": an organisation's name in another language's order
  const trimmed = words.slice(words.findIndex((w) => !connector(w) && !CAPITALISED_STOPWORDS.has(w.toLowerCase())));
  if (trimmed.length >= 2 && trimmed.some((w) => ORG_HEADS.has(w.toLowerCase())) && trimmed[0][0] === letters[0])
    return trimmed.join(' ');
  return undefined;
}

function isSubsequence(letters: string, word: string): boolean {
  let j = 0;
  for (const ch of word) if (ch === letters[j]) j++;
  return j === letters.length;
}

/** Every word gives its initial (each part of a hyphenated word may), connectors may or may not. */
function initialsMatch(letters: string, words: string[], connector: (w: string) => boolean): boolean {
  const options = words.map((w) => {
    if (/^(\p{Lu}\.)+$/u.test(w)) return { required: !connector(w), initials: [w.replace(/\./g, '')] };
    const parts = w.split(/[-–]/).filter(Boolean);
    return {
      required: !connector(w),
      initials: [...new Set([w[0], parts.map((x) => x[0]).join('')])].map((x) => x.toUpperCase()),
    };
  });
  const match = (i: number, j: number): boolean => {
    if (i === options.length) return j === letters.length;
    const o = options[i];
    for (const ini of o.initials) if (letters.startsWith(ini, j) && match(i + 1, j + ini.length)) return true;
    return !o.required && match(i + 1, j);
  };
  return match(0, 0);
}

function recent<T>(list: T[], n: number): T[] {
  const out: T[] = [];
  for (let i = list.length - 1; i >= 0 && out.length < n; i--) out.push(list[i]);
  return out;
}

function dropNested(candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of candidates) {
    // sorted by start: an enclosing candidate is among the last few kept
    const outer = recent(out, 12).find(
      (o) => o.start <= c.start && o.end >= c.end && !(o.start === c.start && o.end === c.end && o.type !== c.type),
    );
    // A state named inside an institution ("Russian" in "Russian defense ministry") stays, as a modifier.
    if (outer && !(outer.type === 'Organization' && outer.stateCode && c.type === 'State')) continue;
    out.push(c);
  }
  return out;
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isPossessive(text: string, end: number): boolean {
  return /^[’']s?(?![\p{L}])/u.test(text.slice(end, end + 3));
}

function titleCase(s: string): string {
  return /^[\p{Lu}\s.]+$/u.test(s) ? s.toLowerCase().replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase()) : s;
}
