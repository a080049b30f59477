/**
 * What a suite hands back: markdown tables for people and the raw figures as JSON for machines.
 * `run.ts` prints the tables and writes `bench/results/<suite>.json` (git-ignored).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MachineInfo } from './machine';

export type Cell = string | number | boolean | null | undefined;

export interface Table {
  title: string;
  columns: string[];
  rows: Cell[][];
  notes?: string[];
}

export interface SuiteReport {
  suite: string;
  tables: Table[];
  notes: string[];
  data: unknown;
}

export interface SuiteContext {
  quick: boolean;
  runs: number; // repetitions whose median is reported
  log(line: string): void;
  /** The tables so far, as a row completes: the runner saves them (`partial: true`) so that an interrupted run keeps them. */
  progress(report: SuiteReport): void;
}

export interface Suite {
  name: string;
  description: string;
  run(context: SuiteContext): Promise<SuiteReport>;
}

function formatCell(cell: Cell): string {
  if (cell === null || cell === undefined) return '—';
  if (typeof cell === 'number') {
    if (Number.isNaN(cell)) return 'n/a';
    return Math.abs(cell) >= 10_000 ? Math.round(cell).toLocaleString('en-US') : String(cell);
  }
  return String(cell).replace(/\|/g, '\\|');
}

export function markdownTable(table: Table): string {
  const lines = [
    `### ${table.title}`,
    '',
    `| ${table.columns.join(' | ')} |`,
    `| ${table.columns.map(() => '---').join(' | ')} |`,
  ];
  for (const row of table.rows) lines.push(`| ${row.map(formatCell).join(' | ')} |`);
  for (const note of table.notes ?? []) lines.push('', note);
  return lines.join('\n');
}

export function markdownReport(report: SuiteReport): string {
  return [...report.tables.map(markdownTable), ...report.notes.map((n) => `- ${n}`)].join('\n\n');
}

/** "met" / "MISSED" against a target; n/a when the figure could not be measured. */
export function verdict(value: number, target: number, direction: 'atLeast' | 'atMost'): string {
  if (!Number.isFinite(value)) return 'n/a';
  const met = direction === 'atLeast' ? value >= target : value <= target;
  return met ? 'met' : 'MISSED';
}

export const RESULTS_DIR = path.resolve(__dirname, '..', 'results');

export function writeResults(report: SuiteReport, machine: MachineInfo, startedAt: Date, partial = false): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${report.suite}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        suite: report.suite,
        startedAt: startedAt.toISOString(),
        partial,
        machine,
        tables: report.tables,
        notes: report.notes,
        data: report.data,
      },
      null,
      2,
    ),
  );
  return file;
}
