/**
 * `npm run bench [-- <suite>...] [--quick] [--runs N]`: runs the benchmark suites (all by default) one after
 * another, prints each one's markdown tables and writes its figures to bench/results/<suite>.json — rewritten
 * as each row completes (marked `partial: true` until the suite ends), so that an interrupted run keeps them.
 * `--quick` (or BENCH_QUICK=1) caps sizes for a run of a few minutes. See bench/README.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describeMachine, machineLine, type MachineInfo } from './lib/machine';
import { markdownReport, RESULTS_DIR, writeResults, type Suite, type SuiteReport } from './lib/report';

const SUITES: Record<string, () => Promise<Suite>> = {
  import: async () => (await import('./import/import-suite')).importSuite,
  writes: async () => (await import('./import/write-suite')).writeSuite,
  scaling: async () => (await import('./import/scaling-suite')).scalingSuite,
  api: async () => (await import('./api/api-suite')).apiSuite,
  render: async () => (await import('./render/render-suite')).renderSuite,
  export: async () => (await import('./export/export-suite')).exportSuite,
  soak: async () => (await import('./soak/soak-suite')).soakSuite,
};

interface Options {
  suites: string[];
  quick: boolean;
  runs: number;
  report: boolean; // print the last results instead of running
}

function parseArgs(argv: string[]): Options {
  const suites: string[] = [];
  let quick = process.env.BENCH_QUICK === '1' || process.env.BENCH_QUICK === 'true';
  let runs = Number(process.env.BENCH_RUNS ?? 0);
  let report = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') quick = true;
    else if (arg === '--report') report = true;
    else if (arg === '--runs') runs = Number(argv[++i]);
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(
        `usage: npm run bench -- [${Object.keys(SUITES).join('|')}]... [--quick] [--runs N] [--report]\n`,
      );
      process.exit(0);
    } else if (arg in SUITES) suites.push(arg);
    else throw new Error(`bench: unknown suite or option "${arg}" (suites: ${Object.keys(SUITES).join(', ')})`);
  }
  if (runs !== 0 && !(Number.isInteger(runs) && runs >= 1))
    throw new Error(`bench: --runs must be a whole number ≥ 1, got ${runs}`);
  return { suites: suites.length > 0 ? suites : Object.keys(SUITES), quick, runs: runs || (quick ? 3 : 5), report };
}

/** `--report`: the tables of the last run of each suite, from bench/results/<suite>.json (for bench/README.md). */
function printLastResults(suites: string[]): void {
  for (const name of suites) {
    const file = path.join(RESULTS_DIR, `${name}.json`);
    if (!existsSync(file)) {
      process.stdout.write(`## ${name}: no results yet (npm run bench -- ${name})\n\n`);
      continue;
    }
    const saved = JSON.parse(readFileSync(file, 'utf8')) as SuiteReport & {
      startedAt: string;
      machine: MachineInfo;
      partial?: boolean;
    };
    const state = saved.partial ? '; PARTIAL: the run stopped before the suite ended' : '';
    process.stdout.write(
      `## ${name} (run ${saved.startedAt.slice(0, 16).replace('T', ' ')} UTC; ${machineLine(saved.machine)}${state})\n\n${markdownReport(saved)}\n\n`,
    );
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.report) return printLastResults(options.suites);
  const machine = describeMachine();
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  process.stdout.write(
    `# Dossier benchmarks\n\nMachine: ${machineLine(machine)}${options.quick ? ' — quick run' : ''}; medians of ${options.runs} runs.\n\n`,
  );
  let failed = 0;
  for (const name of options.suites) {
    const startedAt = new Date();
    log(`${name}: starting`);
    try {
      const suite = await SUITES[name]();
      const report = await suite.run({
        quick: options.quick,
        runs: options.runs,
        log: (line) => log(`${name}: ${line}`),
        progress: (partial) => writeResults(partial, machine, startedAt, true),
      });
      process.stdout.write(`## ${name}: ${suite.description}\n\n${markdownReport(report)}\n\n`);
      const file = writeResults(report, machine, startedAt);
      log(`${name}: done in ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s, figures in ${file}`);
    } catch (error) {
      failed++;
      process.stdout.write(`## ${name}: FAILED\n\n${(error as Error).stack ?? String(error)}\n\n`);
    }
  }
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 2;
});
