/**
 * A small hand-written graph of dated events, stored by the real writer: three documents published in
 * 2023, in 2024 and on no known date, events that happened in 2023 and 2024 (one reported a year later,
 * one announced before it happened, one only in the undated document), one event with no date, and the people
 * who took part. What the
 * timeline tests read.
 */
import type { Neo4jConnection } from '../../graph/neo4j/connection';
import { entityId, relationId, sha256 } from '../../graph/model/ids';
import type { AttributeValue, EntityType, ExtractedDocument, RelationType } from '../../graph/model/types';
import { storeDocument } from '../../graph/neo4j/store-document';
import { emptyDatabase } from './neo4j';

interface Doc {
  id: string;
  title: string;
  published?: string;
  text: string;
}

const DOCS: Doc[] = [
  {
    id: 'doc-2023',
    title: 'Summit at Vostochny',
    published: '2023-09-20',
    text: 'Kim Jong Un and Vladimir Putin met at the Vostochny summit. Sergei Shoigu held the arms talks with Kim Jong Un.',
  },
  {
    id: 'doc-2024',
    title: 'Treaty in Pyongyang',
    published: '2024-06-20',
    text: 'Vladimir Putin signed the Pyongyang treaty signing with Kim Jong Un. Kim Jong Un recalled the Vostochny summit and the Moscow declaration. Sergei Shoigu will attend the Kursk deployment.',
  },
  {
    id: 'doc-undated',
    title: 'Background',
    text: 'Sergei Shoigu and Vladimir Putin spoke of the arms talks. Sergei Shoigu prepared the Kazan meeting.',
  },
];

const ENTITIES: Array<{ type: EntityType; name: string; date?: string }> = [
  { type: 'Person', name: 'Kim Jong Un' },
  { type: 'Person', name: 'Vladimir Putin' },
  { type: 'Person', name: 'Sergei Shoigu' },
  { type: 'Event', name: 'Vostochny summit', date: '2023-09-13' },
  { type: 'Event', name: 'Pyongyang treaty signing', date: '2024-06-19' },
  { type: 'Event', name: 'Kursk deployment', date: '2024-10' },
  { type: 'Event', name: 'Moscow declaration', date: '2000-08-04' },
  { type: 'Event', name: 'Kazan meeting', date: '2024-10-22' },
  { type: 'Event', name: 'arms talks' },
];

export const DATED = {
  kim: entityId('Person', 'Kim Jong Un'),
  putin: entityId('Person', 'Vladimir Putin'),
  shoigu: entityId('Person', 'Sergei Shoigu'),
  summit: entityId('Event', 'Vostochny summit'),
  signing: entityId('Event', 'Pyongyang treaty signing'),
  kursk: entityId('Event', 'Kursk deployment'),
  moscow: entityId('Event', 'Moscow declaration'),
  kazan: entityId('Event', 'Kazan meeting'),
  talks: entityId('Event', 'arms talks'),
};

const FACTS: Array<{ type: RelationType; source: string; target: string; doc: string; sentence: string }> = [
  {
    type: 'PARTICIPATED_IN',
    source: 'Kim Jong Un',
    target: 'Vostochny summit',
    doc: 'doc-2023',
    sentence: 'Kim Jong Un and Vladimir Putin met at the Vostochny summit.',
  },
  {
    type: 'PARTICIPATED_IN',
    source: 'Vladimir Putin',
    target: 'Vostochny summit',
    doc: 'doc-2023',
    sentence: 'Kim Jong Un and Vladimir Putin met at the Vostochny summit.',
  },
  {
    type: 'PARTICIPATED_IN',
    source: 'Sergei Shoigu',
    target: 'arms talks',
    doc: 'doc-2023',
    sentence: 'Sergei Shoigu held the arms talks with Kim Jong Un.',
  },
  {
    type: 'PARTICIPATED_IN',
    source: 'Vladimir Putin',
    target: 'Pyongyang treaty signing',
    doc: 'doc-2024',
    sentence: 'Vladimir Putin signed the Pyongyang treaty signing with Kim Jong Un.',
  },
  {
    type: 'PARTICIPATED_IN',
    source: 'Kim Jong Un',
    target: 'Pyongyang treaty signing',
    doc: 'doc-2024',
    sentence: 'Vladimir Putin signed the Pyongyang treaty signing with Kim Jong Un.',
  },
  {
    type: 'PARTICIPATED_IN',
    source: 'Sergei Shoigu',
    target: 'Kursk deployment',
    doc: 'doc-2024',
    sentence: 'Sergei Shoigu will attend the Kursk deployment.',
  },
  {
    type: 'PARTICIPATED_IN',
    source: 'Sergei Shoigu',
    target: 'Kazan meeting',
    doc: 'doc-undated',
    sentence: 'Sergei Shoigu prepared the Kazan meeting.',
  },
];

function idOf(name: string): string {
  const entity = ENTITIES.find((e) => e.name === name);
  if (!entity) throw new Error(`dated events: no entity "${name}"`);
  return entityId(entity.type, entity.name);
}

function documentOf(doc: Doc): ExtractedDocument {
  const spans = (text: string) => {
    const found = [];
    for (let at = doc.text.indexOf(text); at >= 0; at = doc.text.indexOf(text, at + 1))
      found.push({ document: doc.id, start: at, end: at + text.length, text });
    return found;
  };
  return {
    document: {
      id: doc.id,
      contentHash: sha256(doc.text),
      title: doc.title,
      published: doc.published,
      path: `${doc.id}.txt`,
      fileName: `${doc.id}.txt`,
      format: 'txt',
      wordCount: doc.text.split(/\s+/).length,
      text: doc.text,
      keptRanges: [[0, doc.text.length]],
    },
    entities: ENTITIES.filter((e) => doc.text.includes(e.name)).map((e) => ({
      id: entityId(e.type, e.name),
      type: e.type,
      name: e.name,
      aliases: [],
      attributes: (e.date ? { date: e.date } : {}) as Record<string, AttributeValue>,
      mentions: spans(e.name),
    })),
    relations: FACTS.filter((f) => f.doc === doc.id).map((f) => ({
      id: relationId(f.type, idOf(f.source), idOf(f.target)),
      type: f.type,
      source: idOf(f.source),
      target: idOf(f.target),
      attributes: {},
      evidence: spans(f.sentence).slice(0, 1),
      confidence: 0.8,
    })),
  };
}

/** Empties the database and stores the three documents. */
export async function seedDatedEvents(connection: Neo4jConnection): Promise<void> {
  await emptyDatabase(connection);
  for (const doc of DOCS) await storeDocument(connection, documentOf(doc));
}
