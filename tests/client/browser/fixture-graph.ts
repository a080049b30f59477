/**
 * A small, hand-made graph stored the way the importer stores it (entities with :Entity and their type
 * label, MENTIONS with offsets, relations with JSON evidence), built from one real corpus document.
 * Added by the browser tests when the seeded database has no Shoigu with evidence (while
 * `tests/support/seed-database.ts` is a stand-in for the real importer). Merges, so it adds to what is there.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Neo4jConnection } from '../../../graph/neo4j/connection';

const DOCUMENT = path.resolve(__dirname, '..', '..', '..', 'data', 'corpus', '000_05faf3e93e947b68.txt');

interface FixtureEntity {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  surfaces: string[];
  attributes?: Record<string, string | number>;
}

const ENTITIES: FixtureEntity[] = [
  {
    id: 'person:sergei-shoigu',
    type: 'Person',
    name: 'Sergei Shoigu',
    aliases: ['Shoigu'],
    surfaces: ['Sergei Shoigu', 'Shoigu'],
    attributes: { role: 'Defence minister' },
  },
  {
    id: 'person:kang-sun-nam',
    type: 'Person',
    name: 'Kang Sun Nam',
    aliases: ['Kang'],
    surfaces: ['Kang Sun Nam'],
    attributes: { role: 'Defence minister' },
  },
  { id: 'person:kim-jong-un', type: 'Person', name: 'Kim Jong Un', aliases: [], surfaces: ['Kim Jong Un'] },
  { id: 'state:north-korea', type: 'State', name: 'North Korea', aliases: ['DPRK'], surfaces: ['North Korea', 'DPRK'] },
  { id: 'state:russia', type: 'State', name: 'Russia', aliases: [], surfaces: ['Russia'] },
  { id: 'state:united-states', type: 'State', name: 'United States', aliases: ['U.S.'], surfaces: ['U.S.'] },
  { id: 'state:ukraine', type: 'State', name: 'Ukraine', aliases: [], surfaces: ['Ukraine'] },
  { id: 'place:pyongyang', type: 'Place', name: 'Pyongyang', aliases: [], surfaces: ['Pyongyang'] },
  { id: 'place:moscow', type: 'Place', name: 'Moscow', aliases: [], surfaces: ['Moscow'] },
  {
    id: 'event:moscow-conference-on-international-security-2023',
    type: 'Event',
    name: 'Moscow Conference on International Security',
    aliases: [],
    surfaces: ['Moscow Conference on International Security'],
    attributes: { date: '2023-08-15' },
  },
];

/** [type, source, target, a word the evidence sentence must contain] */
const RELATIONS: Array<[string, string, string, string]> = [
  ['AFFILIATED_WITH', 'person:sergei-shoigu', 'state:russia', 'Shoigu'],
  ['PARTICIPATED_IN', 'person:sergei-shoigu', 'event:moscow-conference-on-international-security-2023', 'Shoigu'],
  ['VISITED', 'person:sergei-shoigu', 'place:pyongyang', 'visit'],
  ['AFFILIATED_WITH', 'person:kang-sun-nam', 'state:north-korea', 'Kang'],
  ['PARTICIPATED_IN', 'person:kang-sun-nam', 'event:moscow-conference-on-international-security-2023', 'Kang'],
  ['OPPOSES', 'state:north-korea', 'state:united-states', 'U.S.'],
  ['SUPPORTS', 'state:north-korea', 'state:russia', 'support'],
  ['ATTACKED', 'state:russia', 'state:ukraine', 'Ukraine'],
  ['LOCATED_IN', 'event:moscow-conference-on-international-security-2023', 'place:moscow', 'Moscow'],
  ['AFFILIATED_WITH', 'person:kim-jong-un', 'state:north-korea', 'Kim Jong Un'],
];

function sentences(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  const re = /[^.!?\n]+[.!?]*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) spans.push({ start: m.index + lead, end: m.index + lead + body.length });
  }
  return spans;
}

export async function seedFixtureGraph(connection: Neo4jConnection): Promise<void> {
  const text = readFileSync(DOCUMENT, 'utf8');
  const firstLine = text.indexOf('\n');
  const doc = {
    id: 'doc-05faf3e93e947b68',
    title: 'North Korean defense minister accuses U.S. of escalating tensions at Moscow conference',
    published: '2023-08-16',
    source: 'NK News',
    path: 'data/corpus/000_05faf3e93e947b68.txt',
    text,
    keptRanges: [firstLine + 1, text.length], // the photo caption is dropped by cleaning
    wordCount: text.split(/\s+/).length,
  };
  const spans = sentences(text);
  const mentions: Array<{ entity: string; start: number; end: number; text: string }> = [];
  for (const entity of ENTITIES) {
    for (const surface of entity.surfaces) {
      for (let at = text.indexOf(surface, firstLine + 1); at !== -1; at = text.indexOf(surface, at + surface.length)) {
        if (mentions.some((m) => at < m.end && at + surface.length > m.start)) continue;
        mentions.push({ entity: entity.id, start: at, end: at + surface.length, text: surface });
      }
    }
  }
  const relations = RELATIONS.map(([type, source, target, word], i) => {
    const sentence = spans.find((s) => s.start > firstLine && text.slice(s.start, s.end).includes(word)) ?? spans[1];
    const evidence = {
      document: doc.id,
      start: sentence.start,
      end: sentence.end,
      text: text.slice(sentence.start, sentence.end),
    };
    return { id: `rel:fixture-${i}`, type, source, target, evidence: [JSON.stringify(evidence)], confidence: 0.8 };
  });
  const session = connection.writeSession();
  try {
    await session.run(
      `MERGE (d:Document {id: $doc.id})
       SET d.title = $doc.title, d.published = $doc.published, d.source = $doc.source, d.path = $doc.path,
           d.text = $doc.text, d.keptRanges = $doc.keptRanges, d.wordCount = $doc.wordCount`,
      { doc },
    );
    for (const entity of ENTITIES) {
      // The type label comes from the constant list above, never from input.
      await session.run(
        `MERGE (e:Entity {id: $e.id}) SET e:${entity.type}, e.type = $e.type, e.name = $e.name, e.aliases = $e.aliases, e += $attributes`,
        { e: entity, attributes: entity.attributes ?? {} },
      );
    }
    for (const m of mentions) {
      await session.run(
        `MATCH (d:Document {id: $doc}), (e:Entity {id: $entity}) CREATE (d)-[:MENTIONS {start: $start, end: $end, text: $text}]->(e)`,
        { doc: doc.id, ...m },
      );
    }
    for (const r of relations) {
      await session.run(
        `MATCH (a:Entity {id: $r.source}), (b:Entity {id: $r.target})
         CALL (a, b) { CREATE (a)-[x:${r.type}]->(b) SET x.id = $r.id, x.evidence = $r.evidence, x.confidence = $r.confidence }`,
        { r },
      );
    }
  } finally {
    await session.close();
  }
}
