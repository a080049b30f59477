/**
 * One comparison of the importer's writes with LOAD CSV on one set of extracted documents: passes
 * alternating in the same database (emptied before each) after one pass of each on 50 documents that is not
 * counted, medians, the ratio to LOAD CSV and whether both passes end with the same relationships by type.
 * Shared by the import suite and the writes suite. BENCH_WRITE_BATCH sets the documents per transaction.
 */
import type { ExtractedDocument } from '../../graph/model/types';
import type { Neo4jConnection } from '../../graph/neo4j/connection';
import { DEFAULT_BATCH_SIZE } from '../../graph/neo4j/store-document';
import { verdict, type Table } from '../lib/report';
import { median, ratio, round } from '../lib/stats';
import { importerPass, loadCsvPass, prepareCsv, type WritePass } from './write-bench';

export const WRITE_TARGET = 0.8; // importer relationships/s ÷ LOAD CSV relationships/s

export interface WriteComparison {
  table: Table;
  data: Record<string, unknown>;
}

export interface CompareOptions {
  connection: Neo4jConnection;
  documents: ExtractedDocument[];
  runs: number;
  log(line: string): void;
  /** Also time one document per transaction (the importer before batching), for reference. */
  withSingleDocumentPasses: boolean;
}

function differencesOf(a: WritePass, b: WritePass): string[] {
  const types = new Set([...Object.keys(a.relationshipsByType), ...Object.keys(b.relationshipsByType)]);
  return [...types]
    .sort()
    .filter((t) => a.relationshipsByType[t] !== b.relationshipsByType[t])
    .map((t) => `${t} ${a.relationshipsByType[t] ?? 0} vs ${b.relationshipsByType[t] ?? 0}`);
}

export async function compareWrites(options: CompareOptions): Promise<WriteComparison> {
  const { connection, documents, runs, log } = options;
  const csv = await prepareCsv(documents);
  const batched: WritePass[] = [];
  const single: WritePass[] = [];
  const loadCsv: WritePass[] = [];
  const n = documents.length;
  const batchSize = Number(process.env.BENCH_WRITE_BATCH ?? DEFAULT_BATCH_SIZE);
  try {
    // One pass of each, not counted: Neo4j plans and compiles each statement the first time it sees it.
    const warmUp = await prepareCsv(documents.slice(0, 50));
    try {
      await importerPass(connection, documents.slice(0, 50), batchSize);
      await loadCsvPass(connection, warmUp);
    } finally {
      await warmUp.close();
    }
    for (let run = 0; run < runs; run++) {
      const a = await importerPass(connection, documents, batchSize);
      batched.push(a);
      log(`writes ${n} run ${run + 1}/${runs}: importer ${a.seconds.toFixed(1)} s (${a.relationships} relationships)`);
      const b = await loadCsvPass(connection, csv);
      loadCsv.push(b);
      log(`writes ${n} run ${run + 1}/${runs}: LOAD CSV ${b.seconds.toFixed(1)} s (${b.relationships} relationships)`);
      // One document per transaction is the slowest pass by far: timed once, for reference.
      if (options.withSingleDocumentPasses && run === 0) {
        const c = await importerPass(connection, documents, 1);
        single.push(c);
        log(`writes ${n} run ${run + 1}/${runs}: one per transaction ${c.seconds.toFixed(1)} s`);
      }
    }
  } finally {
    await csv.close();
  }
  const rate = (passes: WritePass[]) => median(passes.map((p) => p.relationships / p.seconds));
  const seconds = (passes: WritePass[]) => round(median(passes.map((p) => p.seconds)));
  const importerRate = rate(batched);
  const csvRate = rate(loadCsv);
  const csvRelPhaseRate = median(loadCsv.map((p) => p.relationships / (p.relationshipPhaseSeconds ?? p.seconds)));
  const writeRatio = ratio(importerRate, csvRate);
  const differences = [
    ...differencesOf(batched[0], loadCsv[0]),
    ...(single[0] ? differencesOf(single[0], batched[0]) : []),
  ];
  const same = differences.length === 0;
  const rows: Table['rows'] = [
    [
      `importer storeDocuments (${batchSize} documents per transaction)`,
      seconds(batched),
      round(importerRate),
      round(writeRatio),
      `≥ ${WRITE_TARGET}×: ${verdict(writeRatio, WRITE_TARGET, 'atLeast')}`,
    ],
  ];
  if (single.length > 0)
    rows.push([
      'importer, 1 document per transaction (ref., one run)',
      seconds(single),
      round(rate(single)),
      round(ratio(rate(single), csvRate)),
      '',
    ]);
  rows.push(
    ['LOAD CSV over HTTP (nodes then relationships)', seconds(loadCsv), round(csvRate), 1, ''],
    [
      'LOAD CSV, relationship files only',
      round(median(loadCsv.map((p) => p.relationshipPhaseSeconds ?? p.seconds))),
      round(csvRelPhaseRate),
      round(ratio(importerRate, csvRelPhaseRate)),
      '',
    ],
  );
  return {
    table: {
      title: `Neo4j writes: ${n.toLocaleString('en-US')} documents, ${batched[0].nodes} nodes, ${batched[0].relationships} relationships (medians of ${runs})`,
      columns: ['method', 'seconds', 'relationships/s', 'ratio to LOAD CSV', 'target'],
      rows,
      notes: [
        `Every pass ends with the same relationships by type: ${
          same
            ? 'yes'
            : `no (${differences.join('; ')}): the CSV rows (csv-rows.ts) no longer match what storeDocuments writes`
        } (${Object.entries(batched[0].relationshipsByType)
          .sort()
          .map(([type, count]) => `${type} ${count}`)
          .join(', ')}). The database is emptied before each pass; schema (constraints, full-text index) stays.`,
      ],
    },
    data: {
      documents: n,
      batchSize,
      importer: batched,
      singleDocument: single,
      loadCsv,
      importerRate,
      csvRate,
      csvRelPhaseRate,
      ratio: writeRatio,
      sameGraph: same,
      differences,
    },
  };
}
