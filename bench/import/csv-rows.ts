/**
 * The rows `storeDocument` writes, computed ahead as CSV files for Neo4j's own `LOAD CSV`: the same
 * documents, entities (one file per label), MENTIONED_IN links and facts (one file per relationship type)
 * with the same properties, encoded by the same codecs (graph/neo4j/storage/), so that both paths end with
 * the same graph. Lists are joined with LIST_SEPARATOR.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AttributeValue, ExtractedDocument } from '../../graph/model/types';
import { encodeDocument } from '../../graph/neo4j/storage/document-codec';
import { storedAttributes } from '../../graph/neo4j/storage/entity-codec';
import { encodeEvidence } from '../../graph/neo4j/storage/evidence-codec';
import { encodeMentions } from '../../graph/neo4j/storage/mention-codec';

export const LIST_SEPARATOR = '\u001f';

type Kind = 'string' | 'int' | 'float' | 'boolean' | 'list';

export interface CsvFile {
  name: string; // file name, served over HTTP
  rows: number;
  cypher: string; // the LOAD CSV statement body for one `row`
  phase: 'nodes' | 'relationships';
}

export interface CsvPlan {
  files: CsvFile[];
  nodes: number;
  relationships: number;
  relationshipsByType: Record<string, number>;
}

const SAFE_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * JSON text with its escaped quotes and backslashes written as \u0022 and \u005c: the same value once
 * parsed, but without the `\"` that LOAD CSV reads as an escaped quote (Neo4j's legacy quote escaping).
 */
export function csvSafeJson(json: string): string {
  return json.replace(/\\(.)/g, (sequence, char: string) =>
    char === '"' ? '\\u0022' : char === '\\' ? '\\u005c' : sequence,
  );
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.map(String).join(LIST_SEPARATOR) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function writeCsv(file: string, columns: string[], rows: Array<Record<string, unknown>>): void {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c])).join(','));
  writeFileSync(file, lines.join('\n') + '\n');
}

const list = (column: string, convert = '') =>
  `CASE WHEN row.${column} IS NULL OR row.${column} = '' THEN [] ELSE [x IN split(row.${column}, $sep) | ${convert ? `${convert}(x)` : 'x'}] END`;

function kindOf(value: AttributeValue): Kind {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return typeof value === 'boolean' ? 'boolean' : 'string';
}

function convert(kind: Kind, column: string): string {
  switch (kind) {
    case 'int':
      return `toInteger(row.${column})`;
    case 'float':
      return `toFloat(row.${column})`;
    case 'boolean':
      return `toBoolean(row.${column})`;
    case 'list':
      return `CASE WHEN row.${column} IS NULL THEN null ELSE ${list(column)} END`;
    case 'string':
      return `row.${column}`;
  }
}

/** Collects the attribute columns of a set of rows: key -> widest kind seen (int < float, else string). */
function attributeKinds(items: Array<Record<string, AttributeValue>>): Map<string, Kind> {
  const kinds = new Map<string, Kind>();
  for (const attributes of items) {
    for (const [key, value] of Object.entries(storedAttributes(attributes))) {
      if (!SAFE_KEY.test(key)) continue;
      const kind = kindOf(value);
      const previous = kinds.get(key);
      kinds.set(
        key,
        !previous || previous === kind
          ? kind
          : previous === 'int' && kind === 'float'
            ? 'float'
            : previous === 'float' && kind === 'int'
              ? 'float'
              : 'string',
      );
    }
  }
  return kinds;
}

/** Writes the CSV files into `dir` and returns how to load each one. */
export function writeCsvPlan(dir: string, extracted: ExtractedDocument[]): CsvPlan {
  const files: CsvFile[] = [];
  const documents: Array<Record<string, unknown>> = extracted.map(({ document }) => ({ ...encodeDocument(document) }));
  writeCsv(path.join(dir, 'documents.csv'), Object.keys(documents[0] ?? { id: '' }), documents);
  files.push({
    name: 'documents.csv',
    rows: documents.length,
    phase: 'nodes',
    cypher: `MERGE (d:Document {id: row.id})
      SET d.contentHash = row.contentHash, d.title = row.title, d.source = row.source, d.url = row.url, d.published = row.published,
          d.path = row.path, d.fileName = row.fileName, d.format = row.format, d.wordCount = toInteger(row.wordCount), d.text = row.text,
          d.keptRanges = ${list('keptRanges', 'toInteger')}, d.importedAt = row.importedAt`,
  });

  // Entities as storeDocument leaves them: aliases united, attributes of the last document winning.
  const entities = new Map<
    string,
    { id: string; type: string; name: string; aliases: string[]; attributes: Record<string, AttributeValue> }
  >();
  const created = new Set<string>();
  const mentions: Array<Record<string, unknown>> = [];
  const facts = new Map<
    string,
    {
      id: string;
      type: string;
      source: string;
      target: string;
      attributes: Record<string, AttributeValue>;
      evidence: string[];
      docs: string[];
      texts: string[];
      starts: number[];
      ends: number[];
      confidences: number[];
    }
  >();
  for (const { document, entities: docEntities, relations } of extracted) {
    for (const e of docEntities) {
      const entity = entities.get(e.id) ?? { id: e.id, type: e.type, name: e.name, aliases: [], attributes: {} };
      for (const alias of e.aliases)
        if (!entity.aliases.includes(alias) && alias !== entity.name) entity.aliases.push(alias);
      Object.assign(entity.attributes, e.attributes);
      entities.set(e.id, entity);
      created.add(e.id);
      const own = e.mentions.filter((m) => m.document === document.id);
      if (own.length > 0) mentions.push({ entity: e.id, doc: document.id, ...encodeMentions(own) });
    }
    for (const r of relations) {
      if (!created.has(r.source) || !created.has(r.target)) continue; // storeDocument's MATCH would find nothing
      const own = r.evidence.filter((e) => e.document === document.id);
      const fact = facts.get(r.id) ?? {
        id: r.id,
        type: r.type,
        source: r.source,
        target: r.target,
        attributes: {},
        evidence: [],
        docs: [],
        texts: [],
        starts: [],
        ends: [],
        confidences: [],
      };
      Object.assign(fact.attributes, r.attributes);
      const stored = encodeEvidence(own.map((e) => ({ ...e, confidence: r.confidence })));
      fact.evidence.push(...stored.evidence.map(csvSafeJson));
      fact.docs.push(...stored.evidenceDocs);
      fact.texts.push(...stored.evidenceTexts);
      fact.starts.push(...stored.evidenceStarts);
      fact.ends.push(...stored.evidenceEnds);
      fact.confidences.push(...stored.evidenceConfidences);
      facts.set(r.id, fact);
    }
  }

  const byType = new Map<string, Array<typeof entities extends Map<string, infer V> ? V : never>>();
  for (const entity of entities.values()) byType.set(entity.type, [...(byType.get(entity.type) ?? []), entity]);
  for (const [type, items] of byType) {
    const kinds = attributeKinds(items.map((e) => e.attributes));
    const columns = ['id', 'name', 'type', 'aliases', ...[...kinds.keys()].map((k) => `a_${k}`)];
    const name = `entities-${type}.csv`;
    writeCsv(
      path.join(dir, name),
      columns,
      items.map((e) => ({
        id: e.id,
        name: e.name,
        type: e.type,
        aliases: e.aliases,
        ...Object.fromEntries(Object.entries(e.attributes).map(([k, v]) => [`a_${k}`, v])),
      })),
    );
    const sets = [...kinds].map(([key, kind]) => `n.\`${key}\` = ${convert(kind, `a_${key}`)}`);
    files.push({
      name,
      rows: items.length,
      phase: 'nodes',
      cypher: `MERGE (n:Entity {id: row.id}) SET n:${type}, n.name = row.name, n.type = row.type, n.aliases = ${list('aliases')}${sets.length ? `, ${sets.join(', ')}` : ''}`,
    });
  }

  writeCsv(path.join(dir, 'mentions.csv'), ['entity', 'doc', 'starts', 'ends', 'texts'], mentions);
  files.push({
    name: 'mentions.csv',
    rows: mentions.length,
    phase: 'relationships',
    cypher: `MATCH (d:Document {id: row.doc}) MATCH (n:Entity {id: row.entity})
      MERGE (n)-[r:MENTIONED_IN]->(d)
      SET r.starts = ${list('starts', 'toInteger')}, r.ends = ${list('ends', 'toInteger')}, r.texts = ${list('texts')}`,
  });

  const relationshipsByType: Record<string, number> = { MENTIONED_IN: mentions.length };
  const factsByType = new Map<string, Array<typeof facts extends Map<string, infer V> ? V : never>>();
  for (const fact of facts.values()) factsByType.set(fact.type, [...(factsByType.get(fact.type) ?? []), fact]);
  for (const [type, items] of factsByType) {
    relationshipsByType[type] = items.length;
    const kinds = attributeKinds(items.map((f) => f.attributes));
    const columns = [
      'id',
      'source',
      'target',
      'evidence',
      'docs',
      'texts',
      'starts',
      'ends',
      'confidences',
      ...[...kinds.keys()].map((k) => `a_${k}`),
    ];
    const name = `facts-${type}.csv`;
    writeCsv(
      path.join(dir, name),
      columns,
      items.map((f) => ({ ...f, ...Object.fromEntries(Object.entries(f.attributes).map(([k, v]) => [`a_${k}`, v])) })),
    );
    const sets = [...kinds].map(([key, kind]) => `x.\`${key}\` = ${convert(kind, `a_${key}`)}`);
    files.push({
      name,
      rows: items.length,
      phase: 'relationships',
      cypher: `MATCH (s:Entity {id: row.source}) MATCH (t:Entity {id: row.target})
        MERGE (s)-[x:${type} {id: row.id}]->(t)
        SET x.evidence = ${list('evidence')}, x.evidenceDocs = ${list('docs')}, x.evidenceTexts = ${list('texts')},
            x.evidenceStarts = ${list('starts', 'toInteger')}, x.evidenceEnds = ${list('ends', 'toInteger')},
            x.evidenceConfidences = ${list('confidences', 'toFloat')}${sets.length ? `, ${sets.join(', ')}` : ''}
        SET x.confidence = reduce(m = 0.0, c IN x.evidenceConfidences | CASE WHEN c > m THEN c ELSE m END)`,
    });
  }
  return {
    files,
    nodes: documents.length + entities.size,
    relationships: Object.values(relationshipsByType).reduce((a, b) => a + b, 0),
    relationshipsByType,
  };
}
