/**
 * Writes benchmark: the importer's `storeDocuments` against Neo4j's own `LOAD CSV` of the same rows, in the
 * same embedded Neo4j, at 300 and 3,000 synthetic documents (seed 99; BENCH_WRITE_SIZES to change).
 * Extraction is not timed here (the import suite measures it): the extracted documents of each size are
 * kept in bench/results/cache/ and reused while the importer's code is unchanged.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExtractedDocument } from '../../graph/model/types';
import { openEngine } from '../../import/engine/nlp-engine';
import { extractFiles } from '../../import/extract';
import { generateDocuments, writeCorpus } from '../corpus/generate';
import { startBenchNeo4j } from '../lib/neo4j';
import { RESULTS_DIR, type Suite, type SuiteReport, type Table } from '../lib/report';
import { compareWrites } from './write-comparison';

const PROJECT_DIR = path.resolve(__dirname, '..', '..');
const SEED = 99;

function sizes(quick: boolean): number[] {
  const fromEnv = process.env.BENCH_WRITE_SIZES?.split(',')
    .map(Number)
    .filter((n) => n > 0);
  if (fromEnv?.length) return fromEnv;
  return quick ? [300] : [300, 3000];
}

/** A digest of the importer's and the corpus generator's sources: a cached extraction is stale when it changes. */
function sourceDigest(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(ts|json)$/.test(name)) hash.update(name).update(readFileSync(file));
    }
  };
  for (const dir of ['import', 'bench/corpus', 'graph/model']) walk(path.join(PROJECT_DIR, dir));
  return hash.digest('hex').slice(0, 12);
}

async function extracted(count: number, log: (line: string) => void): Promise<ExtractedDocument[]> {
  const cacheDir = path.join(RESULTS_DIR, 'cache');
  const cache = path.join(cacheDir, `extracted-${count}-seed${SEED}-${sourceDigest()}.json`);
  if (existsSync(cache)) {
    log(`writes: reusing the extraction of ${count} documents (${path.relative(PROJECT_DIR, cache)})`);
    return JSON.parse(readFileSync(cache, 'utf8')) as ExtractedDocument[];
  }
  const work = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-writes-'));
  const engine = await openEngine({ log });
  try {
    const files = writeCorpus(work, generateDocuments({ count, seed: SEED }));
    log(`writes: extracting ${count} documents (once; kept in ${path.relative(PROJECT_DIR, cacheDir)})`);
    const { documents } = await extractFiles(
      files.map((file) => ({ path: file })),
      { engine },
    );
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(cache, JSON.stringify(documents));
    return documents;
  } finally {
    await engine.close();
    rmSync(work, { recursive: true, force: true });
  }
}

export const writeSuite: Suite = {
  name: 'writes',
  description: 'importer writes against LOAD CSV on the same database, at 300 and 3,000 documents',
  async run({ quick, log, progress }): Promise<SuiteReport> {
    const tables: Table[] = [];
    const data: Record<string, unknown> = { writes: [] };
    const runs = quick ? 2 : 3;
    for (const count of sizes(quick)) {
      const documents = await extracted(count, log);
      const neo4j = await startBenchNeo4j(log);
      try {
        const comparison = await compareWrites({
          connection: neo4j.connection,
          documents,
          runs,
          log,
          withSingleDocumentPasses: count <= 300,
        });
        tables.push(comparison.table);
        (data.writes as unknown[]).push(comparison.data);
        progress({ suite: 'writes', tables, notes: [], data });
      } finally {
        await neo4j.stop();
      }
    }
    return { suite: 'writes', tables, notes: [], data };
  },
};
