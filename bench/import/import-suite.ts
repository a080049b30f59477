/**
 * Import benchmark. (1) Extraction: N synthetic documents (bench/corpus) through the importer's
 * `extractFiles`, each run in a fresh process: documents/s, words/s, documents per CPU-second, peak memory.
 * (2) Neo4j writes: the importer's `storeDocuments` against `LOAD CSV` of the same rows in the same
 * embedded Neo4j: relationships/s and their ratio (write-comparison.ts; the writes suite runs it at more sizes).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractFiles } from '../../import/extract';
import { startEngine, type NlpEngine } from '../../import/engine/nlp-engine';
import { writeCorpus, generateDocuments } from '../corpus/generate';
import { startBenchNeo4j } from '../lib/neo4j';
import { verdict, type Suite, type SuiteReport, type Table } from '../lib/report';
import { median, round } from '../lib/stats';
import type { ExtractRun } from './extract-worker';
import { compareWrites } from './write-comparison';

const PROJECT_DIR = path.resolve(__dirname, '..', '..');
const SEED_CORPUS = path.join(PROJECT_DIR, 'data', 'corpus');
/** Seed-sized documents per CPU-second (importer + engine): spaCy's en_core_web_sm does about 11 on one core. */
const EXTRACTION_TARGET = 12;
const EXTRACTION_FLOOR = 4;
/** The rules-only importer of the previous reference run (bench/README.md), docs per CPU-s. */
const RULES_ONLY_REFERENCE: Record<string, number> = {
  'seed corpus ×40': 19.4,
  'synthetic 100': 18.1,
  'synthetic 1,000': 34.9,
  'synthetic 10,000': 52.3,
};

/** CPU seconds (user + system) a process has used so far, from /proc; undefined where there is no /proc. */
function processCpuSeconds(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return undefined;
  }
}

function processPeakRssMb(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return hwm ? Number(hwm[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

function runWorker(dir: string, repeat: number, engine: NlpEngine): Promise<ExtractRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'extract-worker.ts'), dir, String(repeat)],
      {
        cwd: PROJECT_DIR,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, DOSSIER_NLP_URL: engine.url, DOSSIER_NLP_TOKEN: engine.token },
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as ExtractRun);
      else reject(new Error(`extract worker failed (exit ${code}): ${err.slice(-2000)}`));
    });
  });
}

function sizes(quick: boolean): number[] {
  const fromEnv = process.env.BENCH_IMPORT_SIZES?.split(',')
    .map(Number)
    .filter((n) => n > 0);
  if (fromEnv?.length) return fromEnv;
  return quick ? [100, 1000] : [100, 1000, 10_000];
}

export const importSuite: Suite = {
  name: 'import',
  description: 'extraction throughput and memory per corpus size; importer writes against LOAD CSV',
  async run({ quick, runs, log, progress }): Promise<SuiteReport> {
    const work = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-import-'));
    const extractionRows: Array<Array<string | number>> = [];
    const data: Record<string, unknown> = { extraction: [], writes: null };
    const extractionTable = (): Table => ({
      title: 'Extraction (medians; one process per run)',
      columns: [
        'corpus',
        'documents',
        'runs',
        'docs/s (wall)',
        'importer CPU-s',
        'engine CPU-s',
        'docs per CPU-s',
        'rules only (ref.)',
        'words/s (wall)',
        'peak RSS MB',
        'peak heap MB',
        'engine RSS MB',
        'entities',
        'relations',
        'target',
      ],
      rows: extractionRows,
      notes: [
        '"docs per CPU-s" divides by the CPU time used by the importer process and the NLP engine JVM together (user + system, read from /proc), which stands for one core and is less disturbed by other processes than wall time; it is the figure checked against the per-core target (≥ 12, about spaCy en_core_web_sm\'s 8,500 words/s on one core; below 4 is a failure). "rules only (ref.)" is the rules-only importer of the previous reference run. The engine is started once per suite (loading its models, about 35 s, is not counted). Synthetic documents average about 730 words, the seed corpus about 735.',
      ],
    });

    const engine = await startEngine({ log });
    try {
      // Extraction, one fresh process per run, all of them with the one engine.
      const corpora: Array<{ label: string; dir: string; repeat: number; runs: number; size: number }> = [
        { label: 'seed corpus ×40', dir: SEED_CORPUS, repeat: 40, runs, size: 200 },
      ];
      for (const n of sizes(quick)) {
        const dir = path.join(work, `corpus-${n}`);
        writeCorpus(dir, generateDocuments({ count: n }));
        corpora.push({
          label: `synthetic ${n.toLocaleString('en-US')}`,
          dir,
          repeat: 1,
          runs: n >= 10_000 ? 1 : n >= 1000 ? Math.min(runs, 3) : runs,
          size: n,
        });
      }
      for (const corpus of corpora) {
        const samples: ExtractRun[] = [];
        for (let run = 0; run < corpus.runs; run++) {
          const engineBefore = processCpuSeconds(engine.pid) ?? 0;
          const sample = await runWorker(corpus.dir, corpus.repeat, engine);
          sample.engineCpuSeconds = (processCpuSeconds(engine.pid) ?? 0) - engineBefore;
          samples.push(sample);
          log(
            `extract ${corpus.label} run ${run + 1}/${corpus.runs}: ${sample.wallSeconds.toFixed(1)} s wall, ${sample.cpuSeconds.toFixed(1)} + ${sample.engineCpuSeconds.toFixed(1)} s CPU (importer + engine), ${Math.round(sample.maxRssMb)} MB`,
          );
        }
        const docsPerSecond = median(samples.map((s) => s.documents / s.wallSeconds));
        const docsPerCpuSecond = median(samples.map((s) => s.documents / (s.cpuSeconds + (s.engineCpuSeconds ?? 0))));
        const wordsPerSecond = median(samples.map((s) => s.words / s.wallSeconds));
        const last = samples[samples.length - 1];
        extractionRows.push([
          corpus.label,
          last.documents,
          corpus.runs,
          round(docsPerSecond),
          round(median(samples.map((s) => s.cpuSeconds))),
          round(median(samples.map((s) => s.engineCpuSeconds ?? 0))),
          round(docsPerCpuSecond),
          RULES_ONLY_REFERENCE[corpus.label] ?? '—',
          round(wordsPerSecond),
          Math.round(Math.max(...samples.map((s) => s.maxRssMb))),
          Math.round(Math.max(...samples.map((s) => s.peakHeapMb))),
          Math.round(processPeakRssMb(engine.pid) ?? 0),
          last.entities,
          last.relations,
          `≥ ${EXTRACTION_TARGET}/s/core: ${verdict(docsPerCpuSecond, EXTRACTION_TARGET, 'atLeast')}${docsPerCpuSecond < EXTRACTION_FLOOR ? ` (below the floor of ${EXTRACTION_FLOOR})` : ''}`,
        ]);
        (data.extraction as unknown[]).push({
          corpus: corpus.label,
          size: corpus.size,
          docsPerSecond,
          docsPerCpuSecond,
          wordsPerSecond,
          samples,
        });
        progress({ suite: 'import', tables: [extractionTable()], notes: [], data });
      }

      // Writes: importer vs LOAD CSV, same rows, same database.
      const writeDocs = Number(process.env.BENCH_WRITE_DOCS ?? (quick ? 100 : 300));
      const writeDir = path.join(work, `write-${writeDocs}`);
      const writeFiles = writeCorpus(writeDir, generateDocuments({ count: writeDocs, seed: 99 }));
      log(`extracting ${writeDocs} documents for the write benchmark`);
      const documents = (
        await extractFiles(
          writeFiles.map((file) => ({ path: file })),
          { engine },
        )
      ).documents;
      const neo4j = await startBenchNeo4j(log);
      let writes;
      try {
        writes = await compareWrites({
          connection: neo4j.connection,
          documents,
          runs: quick ? 2 : 3,
          log,
          withSingleDocumentPasses: false,
        });
      } finally {
        await neo4j.stop();
      }
      data.writes = writes.data;
      return {
        suite: 'import',
        tables: [extractionTable(), writes.table],
        notes: [],
        data,
      };
    } finally {
      await engine.close();
      rmSync(work, { recursive: true, force: true });
    }
  },
};
