/**
 * Facts read from the structure of a sentence rather than its wording: a trigger verb (or noun) from
 * `dependency-triggers.json`, its subject and its object in the engine's dependency parse, with passive
 * voice ("drones were supplied by Iran"), control and coordination ("Iran continues to supply …", "Russia
 * and Iran signed …": both), relative clauses ("Iran, which supplies …") and nominalisations ("Iran's
 * supply of drones to Russia"). Denials, refusals, hypotheticals and counterfactuals state no fact.
 * Pure: one document's parse and resolved mentions in, facts out.
 */
import type { EntityType, RelationType } from '../../graph/model/types';
import type { EngineSentence, EngineToken } from '../engine/annotation';
import type { Fact } from './pattern-facts';
import { ROLE_WORDS } from '../lexicon';
import lexicon from './dependency-triggers.json';

/** An entity mention the parse can point at: an actor, a place or a treaty of this document. */
export interface ArgumentMention {
  key: string;
  type: EntityType;
  start: number;
  end: number;
  sentence: number;
  /** a demonym or other modifier ("Russian" in "Russian invaders"): an argument only through its head */
  modifier: boolean;
  /** one of the several entities a plural reference stands for ("the two men") */
  plural?: boolean;
  /** of an event: who carried it out, for what is said of the event ("condemned the launch") */
  actors?: Array<{ key: string; type: EntityType }>;
}

interface RelationSpec {
  type: RelationType;
  verbs: Set<string>;
  verbsTo: Set<string>;
  nouns: Set<string>;
  targets: string[];
  source: Set<string>;
  target: Set<string>;
}

const SPECS: RelationSpec[] = lexicon.relations.map((r) => ({
  type: r.type as RelationType,
  verbs: new Set(r.verbs),
  verbsTo: new Set((r as { verbsTo?: string[] }).verbsTo ?? []),
  nouns: new Set((r as { nouns?: string[] }).nouns ?? []),
  targets: r.targets,
  source: new Set(r.source),
  target: new Set(r.target),
}));
const BLOCKING = new Set(lexicon.blockingHeads);
const HYPOTHETICAL = new Set(lexicon.hypotheticalAux);
const RELATIVE = new Set(lexicon.relativePronouns);
const SUBJECT = new Set(['nsubj', 'csubj']);
const NAME_PARTS = new Set(['compound', 'nmod', 'amod', 'poss', 'nn']);
const PERSONAL = new Set(['he', 'she']);
const CONJ_OR_APPOS = new Set(['conj', 'appos']);
const TREATY_NOUNS = new Set(lexicon.treatyNouns);
const LIGHT_VERBS = new Set(lexicon.lightVerbs);
const ACTOR_TYPES = new Set<EntityType>(['Person', 'State', 'Organization']);
/** Prepositions under which an event is something one takes part in: "spoke at the summit", "took part in the talks". */
const EVENT_PREPS = ['at', 'in', 'to', 'during'];
/** Verbs that bring people together for an event: "met in Minsk for talks", "hosted Prigozhin for a meeting". */
const GATHERING_VERBS = new Set(lexicon.gatheringVerbs);
/** Verbs whose object is brought to the event too: "hosted Prigozhin and his commanders for a meeting". */
const CONVENING_VERBS = new Set(lexicon.conveningVerbs);
/** People who act for a state or body: "officials in Moscow". */
const COLLECTIVES = new Set(lexicon.collectives);
/** How a title attaches to a name: "President Biden" (compound), "Biden, the president" (appos). */
const ROLE_LINKS = new Set(['compound', 'appos', 'nmod']);

export interface ParseFacts {
  facts: Fact[];
  /** Per sentence, the relation types it denies or only supposes: the word-pattern rules must not state them. */
  denied: Array<Set<RelationType>>;
}

/** One pass over the parse: the facts it states, and what each sentence denies ("Tehran denied supplying drones"). */
export function dependencyFacts(text: string, annotation: EngineSentence[], mentions: ArgumentMention[]): ParseFacts {
  const bySentence: ArgumentMention[][] = annotation.map(() => []);
  for (const m of mentions) bySentence[m.sentence]?.push(m);
  const facts: Fact[] = [];
  const denied = annotation.map((sentence, si) => {
    // a reference to a treaty is itself a mention later references can point back through
    bySentence[si].push(...treatyReferences(text, sentence, si, bySentence));
    const here = [
      ...bySentence[si],
      ...pronounMentions(sentence, si, bySentence),
      ...titleReferences(text, sentence, si, bySentence),
      ...pluralReferences(sentence, si, bySentence),
    ];
    const parse = new Parse(sentence, here);
    if (here.length >= 2)
      facts.push(
        ...sentenceFacts(parse, si),
        ...affiliationFacts(parse, si),
        ...participationFacts(parse, si),
        ...judgementFacts(parse, si),
        ...underTreatyFacts(parse, si),
      );
    return deniedIn(parse);
  });
  return { facts, denied };
}

/**
 * Who signs a treaty for a state makes the state a party: a signer's state or organisation, as the same
 * document states it (AFFILIATED_WITH), is PARTY_TO the treaty, with the signing as evidence.
 */
export function partiesOfSigners(facts: Fact[], types: (key: string) => EntityType | undefined): Fact[] {
  const affiliations = new Map<string, string[]>();
  for (const f of facts)
    if (f.type === 'AFFILIATED_WITH' && types(f.target) === 'State')
      affiliations.set(f.source, [...(affiliations.get(f.source) ?? []), f.target]);
  return facts
    .filter((f) => f.type === 'SIGNED')
    .flatMap((f) =>
      (affiliations.get(f.source) ?? []).map((party): Fact => ({
        type: 'PARTY_TO',
        source: party,
        target: f.target,
        sentence: f.sentence,
        confidence: 0.6,
      })),
    );
}

/** Relation types whose trigger verb this sentence denies, refuses, supposes or counterfactualises. */
function deniedIn(parse: Parse): Set<RelationType> {
  const denied = new Set<RelationType>();
  for (const t of parse.tokens)
    for (const spec of SPECS)
      if ((spec.verbs.has(t.lemma) || spec.verbsTo.has(t.lemma)) && t.pos.startsWith('VB') && parse.blocked(t.index))
        denied.add(spec.type);
  return denied;
}

/**
 * "he" and "she" stand for a person when exactly one person is named in this sentence before them and
 * the one before it; with two candidates the pronoun is left alone rather than guessed.
 */
function pronounMentions(sentence: EngineSentence, si: number, bySentence: ArgumentMention[][]): ArgumentMention[] {
  const out: ArgumentMention[] = [];
  for (const t of sentence.tokens) {
    if (t.pos !== 'PRP' || !PERSONAL.has(t.lemma)) continue;
    const before = [...(bySentence[si - 1] ?? []), ...bySentence[si].filter((m) => m.end <= t.start)];
    const people = new Set(before.filter((m) => m.type === 'Person').map((m) => m.key));
    if (people.size !== 1) continue;
    const key = [...people][0];
    out.push({ key, type: 'Person', start: t.start, end: t.end, sentence: si, modifier: false });
  }
  return out;
}

/**
 * "the minister", "the president" stand for the one person of the last three sentences whom that title
 * introduced ("Defence Minister Sergei Shoigu … The minister said"); with two such people, nobody.
 */
function titleReferences(
  text: string,
  sentence: EngineSentence,
  si: number,
  bySentence: ArgumentMention[][],
): ArgumentMention[] {
  const out: ArgumentMention[] = [];
  for (const t of sentence.tokens) {
    if (!t.pos.startsWith('NN') || !ROLE_WORDS.has(t.lemma)) continue;
    if (bySentence[si].some((m) => m.start <= t.start && t.end <= m.end)) continue;
    const det = sentence.tokens.find((d) => d.head === t.index && d.label === 'det');
    if (det?.lemma !== 'the' || sentence.tokens.some((d) => d.head === t.index && d.label === 'poss')) continue;
    if (sentence.tokens.some((d) => d.head === t.index && ['compound', 'appos'].includes(d.label))) continue;
    const word = new RegExp(`\\b${t.lemma}\\b`, 'i');
    const people = new Set(
      bySentence
        .slice(Math.max(0, si - 3), si + 1)
        .flat()
        .filter(
          (m) => m.type === 'Person' && m.end <= t.start && word.test(text.slice(Math.max(0, m.start - 40), m.start)),
        )
        .map((m) => m.key),
    );
    if (people.size === 1)
      out.push({ key: [...people][0], type: 'Person', start: t.start, end: t.end, sentence: si, modifier: false });
  }
  return out;
}

const COUNTS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5 };
/** What a plural reference can stand for: "the two men" are people, "both countries" states. */
const PLURAL_NOUNS = lexicon.pluralReferences as Record<string, EntityType[]>;

/**
 * "the two men", "both countries", "the three countries" stand for the entities of that kind named last:
 * earlier in the sentence, or in the nearest of the three sentences before that names any. Where that
 * sentence names another number of them, the reference is left alone rather than guessed.
 */
function pluralReferences(sentence: EngineSentence, si: number, bySentence: ArgumentMention[][]): ArgumentMention[] {
  const out: ArgumentMention[] = [];
  const tokens = sentence.tokens;
  for (const t of tokens) {
    const types = t.pos === 'NNS' ? PLURAL_NOUNS[t.lemma] : undefined;
    if (!types) continue;
    const marks = tokens.filter((d) => d.head === t.index).map((d) => d.text.toLowerCase());
    const both = marks.includes('both') || tokens[t.index - 1]?.text.toLowerCase() === 'both';
    const count = both ? 2 : Math.max(0, ...marks.map((m) => COUNTS[m] ?? 0));
    if (!count || !(marks.includes('the') || both)) continue;
    const first = tokens[Math.max(0, t.index - 3)].start;
    const wanted = (m: ArgumentMention) => types.includes(m.type) && !m.modifier && !m.plural;
    const candidates = [
      bySentence[si].filter((m) => m.end <= first),
      ...[1, 2, 3].map((back) => bySentence[si - back] ?? []),
    ];
    for (const group of candidates) {
      const keys = [...new Set(group.filter(wanted).map((m) => m.key))];
      if (!keys.length) continue;
      if (keys.length === count)
        for (const key of keys) {
          const type = group.find((m) => m.key === key)!.type;
          out.push({ key, type, start: first, end: t.end, sentence: si, modifier: false, plural: true });
        }
      break;
    }
  }
  return out;
}

/**
 * "the document", "the text", "the pact" after a treaty is named refer to it: a definite treaty noun
 * stands for the most recent treaty of the last five sentences, when there is one, or else for the last
 * treaty whose name ends in that noun, or else for the document's only treaty so far.
 */
function treatyReferences(
  text: string,
  sentence: EngineSentence,
  si: number,
  bySentence: ArgumentMention[][],
): ArgumentMention[] {
  const out: ArgumentMention[] = [];
  const tokens = sentence.tokens;
  for (const t of tokens) {
    if (!t.pos.startsWith('NN') || !TREATY_NOUNS.has(t.lemma)) continue;
    if (bySentence[si].some((m) => m.start <= t.start && t.end <= m.end)) continue;
    const det = tokens.find((d) => d.head === t.index && d.label === 'det');
    if (!det || !['the', 'this', 'that'].includes(det.lemma)) continue;
    const before = bySentence
      .slice(0, si + 1)
      .flat()
      .filter((m) => m.type === 'Treaty' && m.end <= t.start);
    const earlier = before.filter((m) => m.sentence >= si - 5);
    // "the accords" after "the Abraham Accords": the noun of a treaty's own name reaches back further
    const sameNoun = (m: ArgumentMention) => {
      const word = /(\p{L}+)\P{L}*$/u.exec(text.slice(m.start, m.end))?.[1]?.toLowerCase();
      return word === t.lemma || word === `${t.lemma}s`;
    };
    const named = before.filter(sameNoun);
    // and in a document of one treaty, "the pact" is that treaty wherever it was named
    const only = new Set(before.map((m) => m.key)).size === 1 ? before[0] : undefined;
    const last = earlier[earlier.length - 1] ?? named[named.length - 1] ?? only;
    if (last) out.push({ key: last.key, type: 'Treaty', start: t.start, end: t.end, sentence: si, modifier: false });
  }
  return out;
}

/**
 * Affiliations from the phrase around a person's name: "North Korea's founding leader Kim Il Sung",
 * "Zhou Enlai, China's premier", "the Minister of Defence of Belarus, Viktor Khrenin", "Leonid Kuchma,
 * the former Ukrainian president". The role noun must be a title from the lexicon.
 */
function affiliationFacts(parse: Parse, si: number): Fact[] {
  const facts: Fact[] = [];
  for (const t of parse.tokens) {
    const person = parse.mentionOf(t.index);
    if (!person || person.type !== 'Person' || parse.mentionOf(t.head) === person) continue; // t heads the name
    const roles = [
      ...parse.children(t.index, ROLE_LINKS),
      ...(ROLE_LINKS.has(t.label) ? [parse.tokens[t.head]] : []),
    ].filter((r) => r && ROLE_WORDS.has(r.lemma) && parse.mentionOf(r.index) !== person);
    for (const r of roles) {
      const owners = parse.ownersOfRole(r.index);
      for (const o of owners)
        if (o.key !== person.key && (o.type === 'State' || o.type === 'Organization'))
          facts.push({ type: 'AFFILIATED_WITH', source: person.key, target: o.key, sentence: si, confidence: 0.7 });
    }
  }
  return [...facts, ...roleAsFacts(parse, si)];
}

/**
 * Acting under a treaty makes one its party: "Under the pact, Australia will acquire submarines, and the
 * three countries will share …", "the Budapest Memorandum, under which Ukraine gave up its arsenal",
 * "Russia's obligations under the NPT".
 */
function underTreatyFacts(parse: Parse, si: number): Fact[] {
  const facts: Fact[] = [];
  const treatyBefore = (o: EngineToken) =>
    [...parse.tokens.slice(0, o.index)]
      .reverse()
      .map((t) => parse.mentionOf(t.index))
      .find((m) => m?.type === 'Treaty');
  for (const p of parse.tokens) {
    if (p.lemma !== 'under' || p.label !== 'prep') continue;
    const o = parse.children(p.index, 'pobj')[0];
    if (!o) continue;
    const own = parse.mentionOf(o.index);
    const treaty = own?.type === 'Treaty' ? own : o.lemma === 'which' ? treatyBefore(o) : undefined;
    const head = parse.tokens[p.head];
    if (!treaty || !head) continue;
    const parties = head.pos.startsWith('VB')
      ? [head, ...parse.children(head.index, 'conj')]
          .filter((v) => v.pos.startsWith('VB') && !parse.blocked(v.index))
          .flatMap((v) => parse.subjects(v.index))
      : parse.children(head.index, 'poss').flatMap((c) => parse.entities(c.index, true));
    for (const party of parties)
      if (party.type === 'State' || party.type === 'Organization')
        facts.push({ type: 'PARTY_TO', source: party.key, target: treaty.key, sentence: si, confidence: 0.6 });
  }
  return facts;
}

/**
 * A role taken "as" something: "Poroshenko, who was sworn in as Ukraine's president", "Lai will serve as
 * president of Taiwan", "the board named Ana Ruiz as chief executive of Iberdrola". Who holds the role is
 * the object when there is one, else the subject.
 */
function roleAsFacts(parse: Parse, si: number): Fact[] {
  const facts: Fact[] = [];
  for (const v of parse.tokens) {
    if (!v.pos.startsWith('VB') || parse.blocked(v.index)) continue;
    const role = parse.prepObject(v.index, 'as');
    if (!role || !ROLE_WORDS.has(role.lemma)) continue;
    const owners = parse.ownersOfRole(role.index).filter((o) => o.type === 'State' || o.type === 'Organization');
    const object = parse.children(v.index, 'dobj')[0];
    const passive = parse.children(v.index, 'nsubjpass')[0];
    const holders = object
      ? parse.entities(object.index, true)
      : passive && RELATIVE.has(passive.lemma) && v.label === 'relcl'
        ? parse.entities(v.head, true)
        : passive
          ? parse.entities(passive.index, true)
          : parse.subjects(v.index);
    for (const h of holders)
      for (const o of owners)
        if (h.type === 'Person' && h.key !== o.key)
          facts.push({ type: 'AFFILIATED_WITH', source: h.key, target: o.key, sentence: si, confidence: 0.65 });
  }
  return facts;
}

/** One sentence's parse with its tokens tied to the mentions they fall in. */
class Parse {
  readonly tokens: EngineToken[];
  private readonly kids: number[][];
  private readonly mentionAt: Array<ArgumentMention | undefined>;
  /** per token, the entities a plural reference around it stands for */
  private readonly groupAt: ArgumentMention[][];

  constructor(sentence: EngineSentence, all: ArgumentMention[]) {
    this.tokens = sentence.tokens;
    this.kids = this.tokens.map(() => []);
    for (const t of this.tokens) if (t.head >= 0 && t.head < this.tokens.length) this.kids[t.head].push(t.index);
    const mentions = all.filter((m) => !m.plural);
    this.groupAt = this.tokens.map((t) => all.filter((m) => m.plural && m.start <= t.start && t.end <= m.end));
    // Around a token, the longest name wins (a treaty's over a name inside it), but any name wins over an
    // event phrase, which holds the names of its participants and places ("a visit to North Korea").
    const rank = (m: ArgumentMention) => (m.type === 'Event' ? 0 : 1_000_000) + (m.end - m.start);
    this.mentionAt = this.tokens.map((t) =>
      mentions
        .filter((m) => m.start <= t.start && t.end <= m.end)
        .reduce<ArgumentMention | undefined>((a, m) => (!a || rank(m) > rank(a) ? m : a), undefined),
    );
  }

  mentionOf(i: number): ArgumentMention | undefined {
    return i >= 0 ? this.mentionAt[i] : undefined;
  }

  children(i: number, labels?: Set<string> | string): EngineToken[] {
    return this.kids[i]
      .map((k) => this.tokens[k])
      .filter((t) => !labels || (typeof labels === 'string' ? t.label === labels : labels.has(t.label)));
  }

  /** The entities a noun phrase headed at token i names: itself, its coordinated phrases. */
  entities(i: number, viaModifier: boolean): ArgumentMention[] {
    const out: ArgumentMention[] = [];
    const visit = (k: number) => {
      const m = this.named(k, viaModifier);
      if (m) out.push(m);
      else out.push(...this.groupAt[k]);
      // "the two foreign ministers, Igor Ivanov and Paek Nam Sun": the apposition names them
      for (const c of this.children(k, CONJ_OR_APPOS)) visit(c.index);
    };
    visit(i);
    return out.filter((m, n) => out.findIndex((x) => x.key === m.key) === n);
  }

  private named(i: number, viaModifier: boolean): ArgumentMention | undefined {
    const own = this.mentionAt[i];
    if (own && !own.modifier) return own;
    if (own && viaModifier) return own;
    if (!viaModifier) return undefined;
    const t = this.tokens[i];
    // "Yevgeny Prigozhin, the Wagner chief who led …": an apposition is the entity it stands beside
    const beside = t.label === 'appos' ? this.mentionAt[t.head] : undefined;
    if (beside && !beside.modifier && ACTOR_TYPES.has(beside.type)) return beside;
    // "officials in Moscow", "diplomats from China": the people stand for the state or body they serve
    if (COLLECTIVES.has(t.lemma) && t.pos === 'NNS')
      for (const w of ['in', 'from', 'of']) {
        const o = this.prepObject(i, w);
        const m = o && this.mentionAt[o.index];
        if (m && (m.type === 'State' || m.type === 'Organization')) return m;
      }
    // "Minister of Foreign Affairs of the Russian Federation Sergey Lavrov": a title heads the name it introduces
    if (ROLE_WORDS.has(this.tokens[i].lemma)) {
      const person = this.kids[i].map((k) => this.mentionAt[k]).find((m) => m?.type === 'Person');
      if (person) return person;
    }
    // "the Russian invaders", "Moscow's forces": the phrase stands for the actor that modifies it
    for (const c of this.children(i, NAME_PARTS)) {
      const m = this.mentionAt[c.index];
      if (m && ['State', 'Organization'].includes(m.type)) return m;
    }
    return undefined;
  }

  /**
   * Whom a title at token i belongs to: "China's premier", "chief executive at Iberdrola", and through a
   * chain of "of" phrases, "the Minister of Defence of Belarus".
   */
  ownersOfRole(i: number): ArgumentMention[] {
    const objects = (k: number, words: string[], depth: number): EngineToken[] =>
      this.children(k, 'prep')
        .filter((p) => words.includes(p.lemma))
        .flatMap((p) => {
          const o = this.children(p.index, 'pobj')[0];
          return o ? [o, ...(depth > 0 ? objects(o.index, ['of'], depth - 1) : [])] : [];
        });
    return [
      ...this.children(i, NAME_PARTS).flatMap((c) => this.entities(c.index, true)),
      ...objects(i, ['of', 'at', 'for'], 1).flatMap((o) => this.entities(o.index, true)),
    ];
  }

  /** Token i and what hangs under it, `depth` links down (through `labels` only, when given). */
  subtree(i: number, depth: number, labels?: Set<string>): EngineToken[] {
    const out = [this.tokens[i]];
    if (depth > 0) for (const c of this.children(i, labels)) out.push(...this.subtree(c.index, depth - 1, labels));
    return out;
  }

  /** The object of preposition `word` under token i ("to Russia"). */
  prepObject(i: number, word: string): EngineToken | undefined {
    for (const p of this.children(i, new Set(['prep', 'agent', 'dative']))) {
      if (p.lemma !== word) continue;
      const obj = this.children(p.index, 'pobj')[0];
      if (obj) return obj;
    }
    return undefined;
  }

  /** Negated, hypothetical, denied or counterfactual: the clause states no fact. */
  blocked(i: number): boolean {
    for (let k = i, depth = 0; k >= 0 && depth < 6; k = this.tokens[k].head, depth++) {
      const t = this.tokens[k];
      if (this.children(k, 'neg').length) return true;
      if (this.children(k, 'aux').some((a) => HYPOTHETICAL.has(a.lemma))) return true;
      if (this.children(k, new Set(['mark', 'advmod'])).some((a) => BLOCKING.has(a.lemma))) return true;
      if (k !== i && BLOCKING.has(t.lemma)) return true;
      if (!['xcomp', 'ccomp', 'conj', 'pcomp', 'advcl', 'pobj'].includes(t.label)) break;
    }
    return false;
  }

  /** The subject of a verb: its own, or, for a controlled or coordinated verb, its governor's. */
  subjects(v: number): ArgumentMention[] {
    const passive = this.children(v, 'nsubjpass').length > 0;
    if (passive) {
      const agent = this.prepObject(v, 'by');
      return agent ? this.entities(agent.index, true) : [];
    }
    const subj = this.children(v, SUBJECT)[0];
    if (subj) {
      if (RELATIVE.has(subj.lemma) && this.tokens[v].label === 'relcl') return this.entities(this.tokens[v].head, true);
      return this.entities(subj.index, true);
    }
    const t = this.tokens[v];
    if (['xcomp', 'conj'].includes(t.label) && t.head >= 0) return this.subjects(t.head);
    if (t.label === 'relcl' && t.head >= 0) return this.entities(t.head, true);
    return [];
  }
}

/**
 * Taking part in an event: the subject of a verb whose object is the event ("Lavrov and Shoigu joined
 * the talks", "Prigozhin led a mutiny", "attended by Zelensky"), and the subject of a relative clause on
 * the event ("a summit in Paris where Zelensky and Putin met").
 */
function participationFacts(parse: Parse, si: number): Fact[] {
  const facts: Fact[] = [];
  const add = (sources: ArgumentMention[], event: ArgumentMention) => {
    for (const s of sources)
      if (ACTOR_TYPES.has(s.type) && s.key !== event.key)
        facts.push({ type: 'PARTICIPATED_IN', source: s.key, target: event.key, sentence: si, confidence: 0.65 });
  };
  const eventAt = (t: EngineToken | undefined) => {
    const m = t && parse.mentionOf(t.index);
    return m?.type === 'Event' ? m : undefined;
  };
  for (const v of parse.tokens) {
    if (!v.pos.startsWith('VB') || parse.blocked(v.index)) continue;
    const objects = [
      // condemning or welcoming an event is a stance on it, not a part in it
      ...(STANCE_VERBS.has(v.lemma) ? [] : parse.children(v.index, new Set(['dobj', 'nsubjpass']))),
      ...EVENT_PREPS.map((w) => parse.prepObject(v.index, w)).filter((t): t is EngineToken => Boolean(t)),
    ];
    // "attended the summit alongside Merkel": the company kept takes part too
    const alongside = parse.prepObject(v.index, 'alongside');
    const company = alongside ? parse.entities(alongside.index, true) : [];
    for (const o of objects) {
      const event = eventAt(o);
      if (event) add([...parse.subjects(v.index), ...company], event);
    }
    const gathering = GATHERING_VERBS.has(v.lemma) || CONVENING_VERBS.has(v.lemma);
    const forEvent = gathering ? eventAt(parse.prepObject(v.index, 'for')) : undefined;
    if (forEvent) add(parse.subjects(v.index), forEvent);
    const convened = forEvent ?? (CONVENING_VERBS.has(v.lemma) ? eventAt(parse.prepObject(v.index, 'to')) : undefined);
    if (convened && CONVENING_VERBS.has(v.lemma))
      for (const o of parse.children(v.index, 'dobj')) add(parse.entities(o.index, true), convened);
    // "Putin was the most prominent foreign guest at the Games"
    if (v.lemma === 'be')
      for (const attr of parse.children(v.index, 'attr')) {
        const event = eventAt(parse.prepObject(attr.index, 'at')) ?? eventAt(parse.prepObject(attr.index, 'in'));
        if (event) add(parse.subjects(v.index), event);
      }
    const head = v.label === 'relcl' ? parse.mentionOf(v.head) : undefined;
    if (head?.type === 'Event') {
      const subj = parse.children(v.index, SUBJECT)[0];
      // "a summit in Paris where Zelensky and Putin met for the first time, alongside Merkel"
      if (subj && !RELATIVE.has(subj.lemma)) add([...parse.entities(subj.index, true), ...company], head);
    }
  }
  return facts;
}

/** Relations between actors that can be taken towards what an actor did. */
const ACTOR_STANCES = new Set<RelationType>(['OPPOSES', 'SUPPORTS']);
const EVALUATIVE_VERBS = new Set(lexicon.evaluativeVerbs);
const STANCE_VERBS = new Set([
  ...EVALUATIVE_VERBS,
  ...SPECS.filter((spec) => ACTOR_STANCES.has(spec.type)).flatMap((spec) => [...spec.verbs]),
]);
const NEGATIVE_WORDS = new Set(lexicon.negativeWords);
/** Links inside the phrase that names what is judged ("the UAE's decision", "the uprising"). */
const JUDGED_LINKS = new Set(['poss', 'compound', 'nmod', 'amod', 'conj']);

/** An event mention stands for those who carried it out; anything else for itself. */
function doers(m: ArgumentMention): Array<{ key: string; type: EntityType }> {
  return m.type === 'Event' ? (m.actors ?? []) : [m];
}

/**
 * Judging a deed harshly opposes its doers: "called the launch a brazen violation", "described Russia's
 * intent as dangerous", "called the UAE's decision strategic stupidity", "called the uprising treason".
 * The judgement must be in the verb's complement; the judged are the actors and events of its object.
 */
function judgementFacts(parse: Parse, si: number): Fact[] {
  const facts: Fact[] = [];
  for (const v of parse.tokens) {
    if (!v.pos.startsWith('VB') || !EVALUATIVE_VERBS.has(v.lemma) || parse.blocked(v.index)) continue;
    const harsh = parse.subtree(v.index, 3).filter((t) => NEGATIVE_WORDS.has(t.lemma));
    if (!harsh.length) continue;
    const judged = [
      ...parse.children(v.index, 'dobj').flatMap((o) => parse.subtree(o.index, 3, JUDGED_LINKS)),
      // "a gross violation by the Russian Federation": the judgement names its doer
      ...harsh.flatMap((t) => parse.prepObject(t.index, 'by') ?? []),
    ]
      .map((t) => parse.mentionOf(t.index))
      .filter((m): m is ArgumentMention => Boolean(m))
      .flatMap(doers);
    for (const s of parse.subjects(v.index))
      for (const t of judged)
        if (s.key !== t.key && ACTOR_TYPES.has(s.type) && ACTOR_TYPES.has(t.type))
          facts.push({ type: 'OPPOSES', source: s.key, target: t.key, sentence: si, confidence: 0.6 });
  }
  return facts.filter((f, i) => facts.findIndex((g) => g.source === f.source && g.target === f.target) === i);
}

function sentenceFacts(parse: Parse, si: number): Fact[] {
  const facts: Fact[] = [];
  const add = (spec: RelationSpec, sources: ArgumentMention[], given: ArgumentMention[]) => {
    // "Ukraine condemns the transfer of Russian nuclear weapons": a stance on a deed is one on its doers
    const targets = ACTOR_STANCES.has(spec.type) ? given.flatMap(doers) : given;
    for (const s of sources)
      for (const t of targets) {
        if (s.key === t.key || !spec.source.has(s.type) || !spec.target.has(t.type)) continue;
        facts.push({ type: spec.type, source: s.key, target: t.key, sentence: si, confidence: 0.7 });
      }
  };
  for (const t of parse.tokens) {
    const verb = t.pos.startsWith('VB');
    const noun = t.pos.startsWith('NN');
    if (!verb && !noun) continue;
    for (const spec of SPECS) {
      if (verb && (spec.verbs.has(t.lemma) || spec.verbsTo.has(t.lemma))) {
        if (parse.blocked(t.index)) continue;
        add(spec, parse.subjects(t.index), verbTargets(parse, t, spec));
      } else if (noun && spec.nouns.has(t.lemma)) {
        if (parse.blocked(t.index)) continue;
        const owner = parse.children(t.index, new Set(['poss', 'compound', 'nmod', 'amod']));
        // the phrase the noun heads (an event mention around it) is not its own owner
        const sources = owner
          .flatMap((o) => parse.entities(o.index, true))
          .filter((m) => !(m.start <= t.start && t.end <= m.end));
        // "Belarus is a party to the NPT": the subject of the copula owns the noun
        const head = parse.tokens[t.head];
        if (t.label === 'attr' && head?.lemma === 'be') sources.push(...parse.subjects(head.index));
        // "Lavrov paid an official visit to the DPRK", "Pyongyang expressed its support for Moscow": the
        // noun carries the relation, the light verb's subject is who does it
        if (!sources.length && t.label === 'dobj' && head && LIGHT_VERBS.has(head.lemma) && !parse.blocked(head.index))
          sources.push(...parse.subjects(head.index));
        add(spec, sources, nounTargets(parse, t, spec));
      }
    }
  }
  return facts;
}

/**
 * What a phrase names, for a relation: its entities, or, for a stance, those of the thing it is "of"
 * ("opposed the enlargement of NATO", "support for the goals of the operation") when it names none itself.
 */
function argumentsOf(parse: Parse, i: number, spec: RelationSpec): ArgumentMention[] {
  const found = parse.entities(i, true);
  if (found.length || !ACTOR_STANCES.has(spec.type) || ROLE_WORDS.has(parse.tokens[i].lemma)) return found;
  const of = parse.prepObject(i, 'of');
  return of ? parse.entities(of.index, true) : [];
}

function verbTargets(parse: Parse, v: EngineToken, spec: RelationSpec): ArgumentMention[] {
  const out: ArgumentMention[] = [];
  const passive = parse.children(v.index, 'nsubjpass')[0];
  const onlyPrep = spec.verbsTo.has(v.lemma) && !spec.verbs.has(v.lemma);
  for (const where of spec.targets) {
    if (where === 'dobj' && !onlyPrep) {
      const obj = passive ?? parse.children(v.index, 'dobj')[0];
      if (obj) out.push(...argumentsOf(parse, obj.index, spec));
    } else if (where === 'dative') {
      const d = parse.children(v.index, 'dative')[0];
      if (d && !parse.children(d.index, 'pobj').length) out.push(...parse.entities(d.index, true));
    } else if (where === 'withDobj') {
      // "supply Russia with drones": the direct object is the recipient
      const obj = parse.children(v.index, 'dobj')[0];
      if (obj && parse.prepObject(v.index, 'with')) out.push(...argumentsOf(parse, obj.index, spec));
    } else if (where.startsWith('prep:')) {
      const obj = parse.prepObject(v.index, where.slice(5));
      if (obj) out.push(...argumentsOf(parse, obj.index, spec));
      // "supplied drones to Russia" is sometimes parsed with the phrase under the object
      const dobj = parse.children(v.index, 'dobj')[0];
      const inner = dobj && parse.prepObject(dobj.index, where.slice(5));
      if (inner) out.push(...argumentsOf(parse, inner.index, spec));
    }
  }
  return out;
}

function nounTargets(parse: Parse, n: EngineToken, spec: RelationSpec): ArgumentMention[] {
  const out: ArgumentMention[] = [];
  for (const where of spec.targets) {
    if (!where.startsWith('prep:')) continue;
    const obj = parse.prepObject(n.index, where.slice(5));
    if (obj) out.push(...argumentsOf(parse, obj.index, spec));
  }
  return out;
}
