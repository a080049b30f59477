/**
 * Synthetic news-like documents for the import benchmark. Each document has a cast (3–8 people, 3–6 states,
 * 2–5 organisations, an event and a treaty) drawn from large pools, and is written by recombining the sentence
 * patterns of `patterns.ts` until it reaches a length drawn around the seed corpus's (about 700 words).
 * Prominent entities recur across documents (as in real news) while most are rare, so the graph has hubs and
 * a long tail. The same seed gives the same corpus everywhere.
 *
 * CLI: node --import tsx bench/corpus/generate.ts --count 1000 [--seed 7] --out /tmp/corpus
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { createRandom, type Random } from './random';
import { FILLERS, HEADLINES, SENTENCES } from './patterns';
import {
  ANALYST_ROLES,
  BOILERPLATE,
  EAST_ASIAN_FAMILY_NAMES,
  EAST_ASIAN_GIVEN_SYLLABLES,
  EVENT_KINDS,
  FIRST_NAMES,
  INTERNATIONAL_BODIES,
  LAST_NAMES,
  MONTHS,
  ORGANISATION_PATTERN_COUNT,
  REGIONS,
  ROLES,
  STUDY_FIELDS,
  TOPICS,
  TREATY_KINDS,
  WEEKDAYS,
  loadStates,
  organisationFor,
  type StateEntry,
} from './pools';

export interface CorpusOptions {
  count: number;
  seed?: number;
  /** Bounds of a document's length in words (defaults 350 and 1,100: the seed corpus spans 550–1,100). */
  minWords?: number;
  maxWords?: number;
}

export interface GeneratedDocument {
  fileName: string;
  text: string;
  wordCount: number;
  /** The cast the document was written with, for tests and for checking recall by hand. */
  cast: { people: string[]; states: string[]; organisations: string[]; event: string; treaty: string };
}

interface Person {
  name: string;
  short: string;
  role: string;
  state: StateEntry;
}

export const DEFAULT_SEED = 20261123;
/** Bodies named without "the" ("told Reuters", not "told the Reuters"). */
const NO_ARTICLE = new Set(['Reuters', 'NK News', 'G20', 'Associated Press', 'NATO', 'European Union', 'World Bank']);
const PROMINENT_SHARE = 0.35; // share of cast members drawn from the small "in the news" pools

/** Number of distinct people the generator can name: western first x last, plus family x two syllables. */
export const PERSON_POOL_SIZE =
  FIRST_NAMES.length * LAST_NAMES.length + EAST_ASIAN_FAMILY_NAMES.length * EAST_ASIAN_GIVEN_SYLLABLES.length ** 2;

export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

function personAt(index: number, random: Random, states: readonly StateEntry[]): Person {
  const western = FIRST_NAMES.length * LAST_NAMES.length;
  let name: string;
  let short: string;
  if (index < western) {
    const first = FIRST_NAMES[index % FIRST_NAMES.length];
    short = LAST_NAMES[Math.floor(index / FIRST_NAMES.length)];
    name = `${first} ${short}`;
  } else {
    const rest = index - western;
    const syllables = EAST_ASIAN_GIVEN_SYLLABLES.length;
    short = EAST_ASIAN_FAMILY_NAMES[Math.floor(rest / (syllables * syllables))];
    const first = EAST_ASIAN_GIVEN_SYLLABLES[Math.floor(rest / syllables) % syllables];
    const second = EAST_ASIAN_GIVEN_SYLLABLES[rest % syllables].toLowerCase();
    // Both usual romanisations: "Kim Jong Un" and "Kim Jong-un".
    name = random.chance(0.5)
      ? `${short} ${first} ${second[0].toUpperCase()}${second.slice(1)}`
      : `${short} ${first}-${second}`;
  }
  // Role and nationality are a function of the index, so a person keeps them across documents.
  return { name, short, role: ROLES[index % ROLES.length], state: states[(index * 7919) % states.length] };
}

function pickDistinct<T>(count: number, draw: () => T, key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (let attempts = 0; seen.size < count && attempts < count * 20; attempts++) {
    const item = draw();
    if (!seen.has(key(item))) seen.set(key(item), item);
  }
  return [...seen.values()];
}

function datePhrase(random: Random): { phrase: string; full: string; year: number; month: string } {
  const year = random.int(2014, 2026);
  const month = random.pick(MONTHS);
  const day = random.int(1, 28);
  const full = `${month} ${day}, ${year}`;
  const phrase = random.pick([
    `on ${full}`,
    `on ${day} ${month} ${year}`,
    `in ${month} ${year}`,
    `on ${random.pick(WEEKDAYS)}`,
    'last month',
    'earlier this week',
    `on ${month} ${day}`,
  ]);
  return { phrase, full, year, month };
}

/** Builds one corpus; documents are independent given the seed and their index. */
export function generateCorpus(options: CorpusOptions): GeneratedDocument[] {
  const documents: GeneratedDocument[] = [];
  for (const document of generateDocuments(options)) documents.push(document);
  return documents;
}

export function* generateDocuments(options: CorpusOptions): Generator<GeneratedDocument> {
  const { count, seed = DEFAULT_SEED, minWords = 350, maxWords = 1100 } = options;
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`generateCorpus: count must be a whole number ≥ 0, got ${count}`);
  if (!(minWords > 40 && maxWords >= minWords))
    throw new RangeError(`generateCorpus: need 40 < minWords ≤ maxWords, got ${minWords}..${maxWords}`);
  const states = loadStates();
  const setup = createRandom(seed);
  const prominentStates = setup.shuffle(states).slice(0, 20);
  const prominentPeople = Array.from({ length: 150 }, () => setup.int(0, PERSON_POOL_SIZE - 1));
  const organisationSpace = ORGANISATION_PATTERN_COUNT * states.length * STUDY_FIELDS.length * LAST_NAMES.length;
  const prominentOrganisations = Array.from({ length: 60 }, () => setup.int(0, organisationSpace - 1));

  for (let index = 0; index < count; index++) {
    const random = createRandom((seed ^ Math.imul(index + 1, 0x9e3779b1)) | 0);
    const castStates = pickDistinct(
      random.int(3, 6),
      () => (random.chance(0.6) ? random.pick(prominentStates) : random.pick(states)),
      (s) => s.name,
    );
    const people = pickDistinct(
      random.int(3, 8),
      () => {
        const personIndex = random.chance(PROMINENT_SHARE)
          ? random.pick(prominentPeople)
          : random.int(0, PERSON_POOL_SIZE - 1);
        return personAt(personIndex, createRandom(personIndex), states);
      },
      (p) => p.name,
    );
    const organisations = pickDistinct(
      random.int(2, 5),
      () => {
        if (random.chance(0.2)) return random.pick(INTERNATIONAL_BODIES);
        return organisationFor(
          random.chance(PROMINENT_SHARE) ? random.pick(prominentOrganisations) : random.int(0, organisationSpace - 1),
          states,
        );
      },
      (o) => o,
    );
    const host = castStates[0];
    const eventYear = random.int(2014, 2026);
    const event = `${random.chance(0.5) ? host.capital : host.adjective} ${random.pick(EVENT_KINDS)} ${eventYear}`;
    const treaty = `${host.adjective}-${castStates[1].adjective} ${random.pick(TREATY_KINDS)}`;

    const mentioned = new Set<string>();
    const render = (pattern: string): string => {
      const order = random.shuffle(castStates);
      const cast = random.shuffle(people);
      const orgs = random.shuffle(organisations);
      const date = datePhrase(random);
      return pattern.replace(
        /(the )?\{([A-Z]+2?)(?:\.(\w+))?\}/g,
        (_match, article: string | undefined, slot: string, field: string | undefined) => {
          const the = article ?? '';
          switch (slot) {
            case 'A':
            case 'B':
            case 'C': {
              const state = order['ABC'.indexOf(slot)];
              return the + (field === 'adj' ? state.adjective : field === 'cap' ? state.capital : state.name);
            }
            case 'P':
            case 'Q':
            case 'R': {
              const person = cast['PQR'.indexOf(slot)];
              // A surname only once the full name has been given, as a reporter writes.
              if (field === 'short' && mentioned.has(person.name)) return the + person.short;
              if (field === 'name' || !mentioned.has(person.name)) {
                const first = !mentioned.has(person.name);
                mentioned.add(person.name);
                return (
                  the +
                  (field === undefined && first && random.chance(0.7)
                    ? `${person.state.adjective} ${person.role} ${person.name}`
                    : person.name)
                );
              }
              return the + person.short;
            }
            case 'O':
            case 'O2': {
              const organisation = orgs[slot === 'O' ? 0 : 1];
              return article && !NO_ARTICLE.has(organisation) ? article + organisation : organisation;
            }
            case 'E':
              return the + event;
            case 'T':
              return the + treaty;
            case 'D':
              return the + date.phrase;
            case 'DATE':
              return the + date.full;
            case 'Y':
              return the + String(date.year);
            case 'MONTH':
              return the + date.month;
            case 'N':
              return the + String(random.int(2, 900));
            case 'TOPIC':
              return the + random.pick(TOPICS);
            case 'REGION':
              return the + random.pick(REGIONS);
            case 'ANALYST':
              return the + random.pick(ANALYST_ROLES);
            case 'ROLE':
              return the + random.pick(ROLES).toLowerCase();
            default:
              throw new Error(`generateCorpus: unknown slot {${slot}} in pattern "${pattern}"`);
          }
        },
      );
    };

    const target = random.int(minWords, maxWords);
    const title = render(random.pick(HEADLINES));
    const lines: string[] = [title, ''];
    let words = countWords(title);
    let first = true;
    const written = new Set<string>();
    while (words < target) {
      const sentences: string[] = [];
      const length = random.int(1, 3);
      for (let s = 0; s < length && words < target; s++) {
        // Never the same sentence twice in a document (fillers especially would otherwise repeat).
        let sentence = random.chance(0.12) ? random.pick(FILLERS) : render(random.pick(SENTENCES));
        for (let retry = 0; written.has(sentence) && retry < 10; retry++) sentence = render(random.pick(SENTENCES));
        written.add(sentence);
        if (first) sentence = `${host.capital.toUpperCase()}, ${host.name} — ${sentence}`;
        first = false;
        const sentenceWords = countWords(sentence);
        if (words + sentenceWords > maxWords) break;
        sentences.push(sentence);
        words += sentenceWords;
      }
      if (sentences.length === 0) break;
      lines.push(sentences.join(' '), '');
      if (random.chance(0.04)) {
        const line = random.pick(BOILERPLATE);
        lines.push(line, '');
        words += countWords(line);
      }
    }
    const text = lines.join('\n').trimEnd() + '\n';
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
    yield {
      fileName: `${String(index).padStart(5, '0')}_${hash}.txt`,
      text,
      wordCount: countWords(text),
      cast: { people: people.map((p) => p.name), states: castStates.map((s) => s.name), organisations, event, treaty },
    };
  }
}

/** Writes a corpus as .txt files into `dir` (created if missing); returns the file paths. */
export function writeCorpus(dir: string, documents: Iterable<GeneratedDocument>): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const document of documents) {
    const file = path.join(dir, document.fileName);
    writeFileSync(file, document.text);
    files.push(file);
  }
  return files;
}

function main(argv: string[]): void {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const count = Number(value('--count') ?? 100);
  const seed = Number(value('--seed') ?? DEFAULT_SEED);
  const out = value('--out');
  if (!out) {
    process.stderr.write('usage: node --import tsx bench/corpus/generate.ts --count N [--seed S] --out DIR\n');
    process.exitCode = 2;
    return;
  }
  const files = writeCorpus(out, generateDocuments({ count, seed }));
  process.stdout.write(`wrote ${files.length} documents to ${out}\n`);
}

if (require.main === module) main(process.argv.slice(2));
