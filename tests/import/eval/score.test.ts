/**
 * Scores the importer on the seed corpus against its gold annotations, with the project's floors:
 * core entity recall (typed) >= 90 %, entity precision >= 85 %, no gold entity split into several nodes,
 * core relation recall (typed) >= 60 %, every evidence text verbatim in its document.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { scoreGraph, type GoldFile, type Score } from '../../../import/eval/score';
import type { ExtractResult } from '../../../import/extract';
import { extractWithEngine } from '../../support/engine';
import { toGraphologyJson } from '../../../import/graphology-json';

const root = path.join(__dirname, '..', '..', '..');
const corpus = path.join(root, 'data', 'corpus');
const goldDir = path.join(root, 'tests', 'fixtures', 'gold');

describe('seed corpus quality', () => {
  const files = readdirSync(corpus)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const gold = readdirSync(goldDir)
    .filter((f) => f.endsWith('.gold.json'))
    .map((f) => JSON.parse(readFileSync(path.join(goldDir, f), 'utf8')) as GoldFile);
  let result: ExtractResult;
  let score: Score;
  beforeAll(async () => {
    result = await extractWithEngine(files.map((f) => ({ path: path.join(corpus, f) })));
    const graph = toGraphologyJson(result.documents);
    score = scoreGraph(gold, graph, new Map(files.map((f) => [f, readFileSync(path.join(corpus, f), 'utf8')])));
  });

  it('imports every seed document', () => {
    expect(result.failures).toEqual([]);
    expect(result.documents).toHaveLength(gold.length);
  });

  it('finds at least 90 % of the core entities with their type', () => {
    expect(score.entities.coreRecallTyped).toBeGreaterThanOrEqual(90);
  });

  it('predicts entities with at least 85 % precision', () => {
    expect(score.entities.precision).toBeGreaterThanOrEqual(85);
  });

  it('never splits a gold entity into several nodes', () => {
    expect(score.entities.split).toEqual([]);
  });

  it('finds at least 60 % of the core relations with their type', () => {
    expect(score.relations.coreRecallTyped).toBeGreaterThanOrEqual(60);
  });

  it('quotes every evidence text verbatim from its document', () => {
    expect(score.evidence.checked).toBeGreaterThan(0);
    expect(score.evidence.bad).toEqual([]);
    expect(score.evidence.verbatim).toBe(100);
  });

  it('names the file of every evidence entry and keeps the document id', () => {
    const names = new Set(files);
    for (const e of toGraphologyJson(result.documents).edges) {
      for (const ev of e.attributes!.evidence as Array<{
        document: string;
        documentId: string;
        text: string;
        start: number;
        end: number;
      }>) {
        expect(names.has(ev.document)).toBe(true);
        expect(ev.documentId).toMatch(/^doc-/);
        const doc = result.documents.find((d) => d.document.id === ev.documentId)!;
        expect(doc.document.text.slice(ev.start, ev.end)).toBe(ev.text);
      }
    }
  });
});

describe('scorer', () => {
  const gold: GoldFile[] = [
    {
      document: 'a.txt',
      entities: [
        { id: 'ru', name: 'Russia', type: 'State', aliases: ['Moscow'], salience: 'core' },
        { id: 'ua', name: 'Ukraine', type: 'State', salience: 'core' },
      ],
      relations: [
        { source: 'ru', type: 'ATTACKED', target: 'ua', evidence: 'Russia invaded Ukraine.', salience: 'core' },
      ],
    },
  ];

  it('counts a gold entity found twice as split, and an unknown node against precision', () => {
    const score = scoreGraph(gold, {
      attributes: {},
      options: { type: 'mixed', multi: true, allowSelfLoops: false },
      nodes: [
        { key: 'a', attributes: { name: 'Russia', type: 'State', aliases: [] } },
        { key: 'b', attributes: { name: 'Moscow', type: 'Place', aliases: [] } },
        { key: 'c', attributes: { name: 'Nowhere', type: 'Place', aliases: [] } },
      ],
      edges: [],
    });
    expect(score.entities.split).toEqual(['Russia x2']);
    expect(score.entities.precision).toBeCloseTo(66.7, 1);
    expect(score.entities.coreRecallTyped).toBe(50);
    expect(score.relations.coreRecallTyped).toBe(0);
  });
});
