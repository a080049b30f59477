/**
 * Stage 5: resolve (within one document). Groups the recognised mentions into entities: short forms
 * ("Kang", "Mr. Kim", "Putin") join the full name they abbreviate — never across two people who only share
 * a family name unless the text makes one of them the obvious referent —, acronyms join their long forms,
 * capitals and seats of government used as actors join their state. Cross-document merging is in merge.ts.
 */
import type { AttributeValue, EntityType } from '../graph/model/types';
import type { Candidate, Recognised } from './recognise/rule-candidates';
import { norm } from './text/norm';
import type { Sentence } from './segment';

export interface ResolvedMention {
  key: string; // entity key in this document
  type: EntityType;
  start: number;
  end: number;
  text: string;
  sentence: number;
  actor: boolean;
  demonym: boolean;
}

export interface DocEntity {
  key: string;
  type: EntityType;
  name: string;
  aliases: Set<string>;
  attributes: Record<string, AttributeValue>;
  stateCode?: string;
}

export interface Resolved {
  entities: Map<string, DocEntity>;
  mentions: ResolvedMention[]; // sorted by start
  acronyms: Map<string, string>;
}

export function resolve(recognised: Recognised, sentences: Sentence[]): Resolved {
  const { candidates, acronyms } = recognised;
  const entities = new Map<string, DocEntity>();
  const mentions: ResolvedMention[] = [];

  // People introduced with a full name somewhere outside headlines.
  const fullPeople = new Map<string, { name: string; tokens: string[]; count: number; first: number }>();
  for (const c of candidates) {
    if (c.type !== 'Person' || c.short) continue;
    if (sentences[c.sentence]?.headline) continue;
    const cur = fullPeople.get(c.key) ?? { name: c.text, tokens: norm(c.text).split(' '), count: 0, first: c.start };
    cur.count++;
    fullPeople.set(c.key, cur);
  }

  const add = (c: Candidate, key: string, type: EntityType, name: string): void => {
    const e = entities.get(key) ?? {
      key,
      type,
      name,
      aliases: new Set<string>(),
      attributes: {},
      stateCode: c.stateCode,
    };
    if (c.text !== e.name && !c.demonym && !c.noTextAlias)
      e.aliases.add(c.text.replace(/^the /, (m) => (c.type === 'State' ? m : '')));
    if (c.demonym) e.aliases.add(c.text.replace(/s$/, ''));
    for (const a of c.aliases) if (a !== e.name) e.aliases.add(a);
    Object.assign(e.attributes, c.attributes);
    delete e.attributes.honorific;
    entities.set(key, e);
    mentions.push({
      key,
      type,
      start: c.start,
      end: c.end,
      text: c.text,
      sentence: c.sentence,
      actor: c.actor,
      demonym: Boolean(c.demonym),
    });
  };

  // A lone name after a title or honorific ("President Biden", "Mr. Kim") with no full name in the
  // document is still a person; merge.ts joins it to the full name found in another document.
  const titledOnly = new Set<string>();
  // Each short name and acronym is looked up once: asked at every mention, the look-ups over every person
  // and every candidate made this stage quadratic in the document (0.2 MB: 51 ms, 2 MB: 3.6 s).
  const shortNames = new Map<string, string | undefined>();
  const shortName = (short: string, at: number): string | undefined => {
    if (!shortNames.has(short)) shortNames.set(short, resolveShortName(short, at, fullPeople));
    return shortNames.get(short);
  };
  const longForms = new Map<string, (typeof candidates)[number] | undefined>();
  const longFormOf = (long: string) => {
    if (!longForms.has(long))
      longForms.set(
        long,
        candidates.find((o) => o.text === long || o.text.endsWith(long)),
      );
    return longForms.get(long);
  };
  for (const c of candidates) {
    if (c.type !== 'Person' || c.short !== 'surname' || !c.attributes.honorific || sentences[c.sentence]?.headline)
      continue;
    if (!shortName(norm(c.text), c.start)) titledOnly.add(norm(c.text));
  }
  for (const c of candidates) {
    if (c.type === 'Person' && c.short === 'surname') {
      const target = shortName(norm(c.text), c.start);
      if (target) add(c, target, 'Person', fullPeople.get(target)!.name);
      else if (titledOnly.has(norm(c.text))) add(c, `Person:${norm(c.text)}`, 'Person', c.text);
      continue;
    }
    if (c.type === 'Person' && !fullPeople.has(c.key)) continue; // a name seen only in a headline
    if (c.short === 'acronym') {
      const long = acronyms.get(c.text)!;
      const longCandidate = longFormOf(long);
      if (longCandidate && !longCandidate.short) add(c, longCandidate.key, longCandidate.type, longCandidate.name);
      continue; // treaties ("NPT") are resolved with treaties
    }
    add(c, c.key, c.type, c.name);
  }

  // Prefer the most frequent full form as a person's name ("Kim Jong Un" over "Kim Jong-un" if both).
  const fullForms = new Map<string, string[]>();
  for (const m of mentions) {
    if (!fullPeople.has(`Person:${norm(m.text)}`)) continue;
    const forms = fullForms.get(m.key);
    if (forms) forms.push(m.text);
    else fullForms.set(m.key, [m.text]);
  }
  for (const e of entities.values()) {
    if (e.type !== 'Person') continue;
    const forms = fullForms.get(e.key) ?? [];
    const best = mostFrequent(forms);
    if (best && best !== e.name) {
      e.aliases.add(e.name);
      e.name = best;
      e.aliases.delete(best);
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { entities, mentions, acronyms };
}

/**
 * "Kang" -> "Kang Sun Nam"; "Putin" -> "Vladimir Putin". When two people share the word ("Kim" for Kim Yo
 * Jong and Kim Jong Un), the one the document talks about most wins, then the one introduced first.
 */
export function resolveShortName(
  short: string,
  _at: number,
  people: Map<string, { tokens: string[]; count: number; first: number }>,
): string | undefined {
  const matches = [...people.entries()].filter(
    ([, p]) => p.tokens.length > 1 && (p.tokens[0] === short || p.tokens[p.tokens.length - 1] === short),
  );
  if (!matches.length) return undefined;
  matches.sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first);
  return matches[0][0];
}

function mostFrequent(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Mentions grouped by sentence, so that stages look only at the sentences around the one they read. */
export function bySentence(mentions: ResolvedMention[], sentenceCount: number): ResolvedMention[][] {
  const out: ResolvedMention[][] = Array.from({ length: sentenceCount }, () => []);
  for (const m of mentions) out[m.sentence]?.push(m);
  return out;
}

/** The mentions of sentence `si` and of the `before` sentences preceding it, in text order. */
export function mentionsNear(index: ResolvedMention[][], si: number, before = 2): ResolvedMention[] {
  return index.slice(Math.max(0, si - before), si + 1).flat();
}
