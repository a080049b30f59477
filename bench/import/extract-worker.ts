/**
 * Child process of the import benchmark: extracts every file of one folder with the importer's
 * `extractFiles` (load -> clean -> segment -> recognise -> resolve -> relate, then the cross-document merge)
 * and prints one JSON line with its timings and memory. A fresh process per run, so that peak memory is
 * this run's alone. Usage: node --import tsx bench/import/extract-worker.ts <dir> [repeat]
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { extractFiles } from '../../import/extract';
import { openEngine } from '../../import/engine/nlp-engine';

export interface ExtractRun {
  documents: number;
  failures: number;
  words: number;
  entities: number;
  relations: number;
  wallSeconds: number;
  cpuSeconds: number;
  /** filled in by the suite, which owns the engine JVM */
  engineCpuSeconds?: number;
  maxRssMb: number;
  peakHeapMb: number;
}

async function main(dir: string, repeat: number): Promise<void> {
  const once = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ path: path.join(dir, f) }));
  const files = Array.from({ length: repeat }, () => once).flat();
  let peakHeap = 0;
  let seen = 0;
  // The engine is started (or reached at DOSSIER_NLP_URL) before the clock starts: loading its models
  // is a one-off cost of a session, not of a document.
  const engine = await openEngine();
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = await extractFiles(files, {
    engine,
    onDocument: () => {
      if (++seen % 25 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    },
  });
  await engine.close();
  const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const run: ExtractRun = {
    documents: result.documents.length,
    failures: result.failures.length,
    words: result.documents.reduce((sum, d) => sum + d.document.wordCount, 0),
    entities: new Set(result.documents.flatMap((d) => d.entities.map((e) => e.id))).size,
    relations: new Set(result.documents.flatMap((d) => d.relations.map((r) => r.id))).size,
    wallSeconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapMb: peakHeap / 1024 / 1024,
  };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

if (require.main === module) void main(process.argv[2], Number(process.argv[3] ?? 1));
