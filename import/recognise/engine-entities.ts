/**
 * Recognition refined by the trained engine: the rules' candidates (gazetteers, titles, organisation
 * head words, acronyms) stay, the engine's named-entity spans add what the rules miss (one-word
 * companies, universities, villages and regions), and a capitalised phrase stays a Person only with
 * evidence that it names one — the engine tagging it PERSON somewhere in the document, or a title or
 * honorific before it. Pure: one document's candidates and annotation in, candidates out.
 */
import type { EntityType } from '../../graph/model/types';
import { entitySpans, type EngineEntity, type EngineSentence } from '../engine/annotation';
import { HONORIFICS, ROLE_NOUNS, ROLE_WORDS, ROLES, roleAtEnd, TREATY_HEADS } from '../lexicon';
import { norm } from '../text/norm';
import { gazetteer } from './gazetteer';
import { make, stateCandidate, type Candidate } from './rule-candidates';
import type { Sentence } from '../segment';
import lexicon from './engine-entities.json';

const TYPE_OF: Record<string, EntityType> = lexicon.types as Record<string, EntityType>;
const NOT_NAMES = new Set(lexicon.notNames);
const GENERIC_WORDS = new Set(lexicon.genericWords);
/** Words a title starts with: an "organisation" that starts with one is a title ("Minister of Foreign Affairs"). */
const TITLE_WORDS = new Set([...ROLE_NOUNS, ...ROLES.filter((r) => r.length === 1).map((r) => r[0])]);

export interface EngineContext {
  text: string;
  sentences: Sentence[];
  annotation: EngineSentence[];
}

export function refineWithEngine(candidates: Candidate[], ctx: EngineContext): Candidate[] {
  const spans = ctx.annotation.map((s) => entitySpans(s, ctx.text).map(trimSpan(ctx.text)).filter(isName));
  const { kept, retyped } = keepEvidencedPeople(
    widenPeople(dropMalformed(echoedHeadlines(candidates, ctx), spans), spans, ctx.text),
    spans,
    ctx.text,
  );
  const fresh = [...retyped, ...engineOnly([...kept, ...retyped], spans, ctx)];
  const added = surnamesOfPeople(dropMalformed(joinLongerNames(fresh, kept), spans), kept);
  return [...kept, ...added]
    .map(treatyByItsHead)
    .map(withAbbreviatedPrefix(ctx.text))
    .sort((a, b) => a.start - b.start || b.end - a.end);
}

/** "St. Petersburg International Economic Forum", "Mt. Paektu": the abbreviation before a name is part of it. */
function withAbbreviatedPrefix(text: string) {
  return (c: Candidate): Candidate => {
    const prefix = /(?:^|[\s(“"])((?:St|Mt|Ft|Ste)\.\s)$/.exec(text.slice(Math.max(0, c.start - 6), c.start));
    if (!prefix || c.type === 'Person' || c.short || c.name !== c.text) return c;
    const start = c.start - prefix[1].length;
    const name = text.slice(start, c.end);
    return { ...c, start, text: name, name, key: `${c.key.split(':')[0]}:${norm(name)}` };
  };
}

/**
 * A part of a longer name of the same document ("Vostochny" after "Vostochny Cosmodrome", "the
 * Commission" after "European Commission") names the same thing when only one longer name fits.
 */
function joinLongerNames(added: Candidate[], all: Candidate[]): Candidate[] {
  const longer = [...all, ...added].filter((c) => c.type !== 'Person' && !c.short && c.name.includes(' '));
  return added.map((c) => {
    if (c.type === 'Person' || c.name.includes(' ')) return c;
    const word = c.name.toLowerCase();
    const fits = new Map<string, Candidate>();
    for (const l of longer) {
      const words = l.name.toLowerCase().split(/\s+/);
      if (words[0] === word || words[words.length - 1] === word) fits.set(l.key, l);
    }
    if (fits.size !== 1) return c;
    const l = [...fits.values()][0];
    return { ...c, type: l.type, key: l.key, name: l.name, stateCode: l.stateCode };
  });
}

/**
 * A name that ends in a treaty's head word ("Genocide Convention", "Abraham Accords", "Minsk
 * Agreements") is a treaty, whatever the engine took it for.
 */
function treatyByItsHead(c: Candidate): Candidate {
  if (c.type === 'Treaty' || c.type === 'State' || c.short || !c.name.includes(' ')) return c;
  const last = c.name.split(/\s+/).pop()!.toLowerCase().replace(/s$/, '');
  if (!TREATY_HEADS.has(last) && !TREATY_HEADS.has(`${last}s`)) return c;
  return { ...c, type: 'Treaty', key: `Treaty:${norm(c.name)}` };
}

/**
 * The engine's "Le Drian" or "Poroshenko" of another type, when a person of this document is named
 * "Jean-Yves Le Drian" or "Petro Poroshenko", is that person's surname: resolve joins it to the person.
 */
function surnamesOfPeople(added: Candidate[], kept: Candidate[]): Candidate[] {
  const endings = new Set<string>();
  for (const c of kept) {
    if (c.type !== 'Person' || c.short) continue;
    const words = norm(c.text).split(' ');
    for (let i = 1; i < words.length; i++) endings.add(words.slice(i).join(' '));
  }
  return added.map((c) =>
    c.type !== 'Person' && endings.has(norm(c.text))
      ? { ...c, type: 'Person', key: `Short:${norm(c.text)}`, short: 'surname' }
      : c,
  );
}

/**
 * A person's name the rules cut short where the engine sees all of it: "Theresa" of "Theresa May" (a
 * month to the rules), "Joan" of "Joan E. Donoghue", "Abdullah" of "Abdullah bin Zayed Al Nahyan". The
 * candidate takes the engine's span, without the titles and honorifics in front of it.
 */
function widenPeople(candidates: Candidate[], spans: EngineEntity[][], text: string): Candidate[] {
  return candidates.map((c) => {
    if (c.type !== 'Person') return c;
    const wider = spans[c.sentence]?.find(
      (e) => e.type === 'PERSON' && e.start <= c.start && e.end >= c.end && e.end - e.start > c.end - c.start,
    );
    if (!wider) return c;
    let start = wider.start;
    for (const m of text.slice(wider.start, wider.end).matchAll(/\S+\s+/g)) {
      const word = m[0].trim().replace(/\.$/, '').toLowerCase();
      const upTo = wider.start + (m.index ?? 0) + m[0].trimEnd().length;
      if (!HONORIFICS.has(word) && !TITLE_WORDS.has(word) && !endsWithRole(text, upTo)) break;
      start = wider.start + (m.index ?? 0) + m[0].length;
    }
    if (start > c.start || wider.end - start <= c.end - c.start) return c;
    const name = text.slice(start, wider.end);
    if (!name.includes(' ')) return c;
    return { ...c, start, end: wider.end, text: name, name, key: `Person:${norm(name)}`, short: undefined };
  });
}

/** "Secretary of State": the engine may start a name inside a title the text began before it. */
function endsWithRole(text: string, end: number): boolean {
  return (
    roleAtEnd(
      text
        .slice(Math.max(0, end - 60), end)
        .split(/\s+/)
        .filter(Boolean),
    ) > 1
  );
}

/**
 * In a title-cased headline capitals are no evidence of a name: a headline's candidate stays when the
 * body names it too, or when it is a state or a known name from the gazetteers (which carry a state code
 * or an exact known form).
 */
function echoedHeadlines(candidates: Candidate[], ctx: EngineContext): Candidate[] {
  const inBody = new Set(candidates.filter((c) => !ctx.sentences[c.sentence]?.headline).map((c) => c.key));
  return candidates.filter(
    (c) => !ctx.sentences[c.sentence]?.headline || inBody.has(c.key) || c.type === 'State' || Boolean(c.stateCode),
  );
}

/**
 * Rule candidates that cannot be one name: a phrase ending in a connector ("Party of Korea and"), a
 * shouted headline ("PUTIN AT RUSSIAN SPACEPORT"), or an organisation or place that swallows a person
 * the engine sees inside it ("Foreign Minister Sergey Lavrov and Minister of Foreign Affairs").
 */
function dropMalformed(candidates: Candidate[], spans: EngineEntity[][]): Candidate[] {
  const names = new Set([...candidates.map((c) => c.text), ...spans.flat().map((e) => e.text)].map(norm));
  const known = (part: string): boolean => names.has(norm(part)) || Boolean(gazetteer().stateByName(part));
  return candidates.filter((c) => {
    if (c.type !== 'Organization' && c.type !== 'Place') return true;
    if (/\s(?:and|of|for|the|on|to|in|&)$/i.test(c.text)) return false;
    if (c.text.includes('/')) return false; // a photo credit: "Sputnik/Kremlin pool"
    // "the European Union and Britain": two names joined, not one
    const halves = c.text.split(/\s+and\s+/);
    if (!c.stateCode && halves.length === 2 && halves.every(known)) return false;
    if (!c.stateCode && c.text.split(/\s+/).every((w) => GENERIC_WORDS.has(w.toLowerCase().replace(/[’']s$/, ''))))
      return false; // "Technical Cooperation", "Armed Forces": a fragment of a longer name
    const first = c.text.split(/\s+/)[0].toLowerCase();
    if (c.type === 'Organization' && (TITLE_WORDS.has(first) || TREATY_HEADS.has(first))) return false; // "Minister of Foreign Affairs", "Treaty of Friendship"
    const words = c.text.split(/\s+/);
    if (words.length >= 3 && c.text === c.text.toUpperCase() && /\p{Lu}{2}/u.test(c.text) && c.name === c.text)
      return false;
    return !spans[c.sentence].some(
      (e) =>
        e.type === 'PERSON' &&
        e.text.includes(' ') &&
        e.start >= c.start &&
        e.end <= c.end &&
        e.end - e.start < c.end - c.start,
    );
  });
}

/** "the Kremlin's" -> "Kremlin": determiners and possessive endings are not part of a name. */
function trimSpan(text: string) {
  return (e: EngineEntity): EngineEntity => {
    let { start, end } = e;
    const lead = /^(?:the|a|an)\s+/i.exec(text.slice(start, end));
    if (lead) start += lead[0].length;
    const tail = /(?:['’]s?|[.,;:])$/.exec(text.slice(start, end));
    if (tail) end -= tail[0].length;
    return { ...e, start, end, text: text.slice(start, end) };
  };
}

function isName(e: EngineEntity): boolean {
  if (!TYPE_OF[e.type] || e.end - e.start < 2) return false;
  if (!/^\p{Lu}/u.test(e.text) || NOT_NAMES.has(e.text.toLowerCase())) return false;
  return !/[|@#]|https?:/.test(e.text);
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** "Chris Monday, an expert on …", "Jenny Town, a senior fellow at …": an apposition with a role describes a person. */
function describedAsPerson(text: string, end: number): boolean {
  const after = /^,\s+(?:an?|the)\s+((?:[\p{L}-]+\s+){0,3}?)([\p{L}-]+)\b/u.exec(text.slice(end, end + 80));
  return Boolean(
    after &&
    (ROLE_WORDS.has(after[2].toLowerCase()) || after[1].split(/\s+/).some((w) => ROLE_WORDS.has(w.toLowerCase()))),
  );
}

/**
 * A Person candidate the engine never tags PERSON, and that no title introduces, is retyped when the
 * engine gives its exact span another type ("Activision Blizzard" ORG) and dropped otherwise
 * ("Equal Protection Clause").
 */
function keepEvidencedPeople(
  candidates: Candidate[],
  spans: EngineEntity[][],
  text: string,
): { kept: Candidate[]; retyped: Candidate[] } {
  const personKeys = new Set<string>();
  for (const c of candidates) {
    if (c.type !== 'Person') continue;
    if (
      c.titled ||
      describedAsPerson(text, c.end) ||
      spans[c.sentence].some((e) => e.type === 'PERSON' && overlaps(e, c))
    )
      personKeys.add(c.key);
  }
  // A lone surname of a full name in this document is resolve's to join ("Peskov" after "Dmitry Peskov"),
  // whatever the engine tags it in its own sentence.
  const surnames = new Set(
    candidates.filter((c) => c.type === 'Person' && !c.short).flatMap((c) => norm(c.text).split(' ')),
  );
  const out: Candidate[] = [];
  const retyped: Candidate[] = [];
  for (const c of candidates) {
    if (c.type !== 'Person' || personKeys.has(c.key) || (c.short && surnames.has(norm(c.text)))) {
      out.push(c);
      continue;
    }
    const other = spans[c.sentence].find((e) => e.type !== 'PERSON' && e.start <= c.start && e.end >= c.end);
    if (!other) continue;
    // "Welcome Russian Federation": a place the engine ran on into a state the rules already have is that
    // state and a stray word (a body named after its state, "Malaysia Airlines", is retyped as before)
    const place = TYPE_OF[other.type] === 'Place';
    if (place && candidates.some((o) => o.type === 'State' && other.start <= o.start && o.end <= other.end)) continue;
    const type = TYPE_OF[other.type];
    retyped.push({
      ...c,
      type,
      key: `${type}:${norm(other.text)}`,
      name: other.text,
      short: undefined,
      start: other.start,
      end: other.end,
      text: other.text,
    });
  }
  return { kept: out, retyped: dedupe(retyped) };
}

/** Engine spans no rule found become candidates of their mapped type. */
function engineOnly(candidates: Candidate[], spans: EngineEntity[][], ctx: EngineContext): Candidate[] {
  const bySentence: Candidate[][] = ctx.sentences.map(() => []);
  for (const c of candidates) bySentence[c.sentence]?.push(c);
  const out: Candidate[] = [];
  spans.forEach((list, si) => {
    const s = ctx.sentences[si];
    for (const e of list) {
      if (bySentence[si].some((c) => overlaps(c, e))) continue;
      const type = TYPE_OF[e.type];
      const words = e.text.split(/\s+/).length;
      if (type === 'Person' && words === 1) {
        // a lone surname: resolve joins it to the full name it abbreviates, or drops it
        const c = make(s, si, e.start, e.end, e.text, 'Person', `Short:${norm(e.text)}`, e.text);
        c.short = 'surname';
        out.push(c);
        continue;
      }
      if (type === 'Person' && s.headline) continue;
      // a state the rules saw only inside a longer, dropped name ("the European Union and Britain"), or
      // a state the engine ran into the word before it ("Welcome Russian Federation" in a title)
      const state = type !== 'Person' ? stateAtEnd(e) : undefined;
      if (state) {
        out.push(stateCandidate(s, si, { ...state, kind: 'name' }, true));
        continue;
      }
      out.push(make(s, si, e.start, e.end, e.text, type, `${type}:${norm(e.text)}`, e.text));
    }
  });
  return out;
}

/** The state a span names, whole or as its last words: its code and where those words are. */
function stateAtEnd(e: EngineEntity): { start: number; end: number; code: string; text: string } | undefined {
  for (const word of e.text.matchAll(/\S+/g)) {
    const text = e.text.slice(word.index);
    const state = gazetteer().stateByName(text);
    if (state) return { start: e.start + word.index, end: e.end, code: state.code, text };
  }
  return undefined;
}

function dedupe(candidates: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => {
    const k = `${c.start}:${c.end}:${c.type}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
