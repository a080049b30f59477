/**
 * The text tab: the answer as cypher-shell prints it, a bordered table of fixed-width columns, and an
 * EXPLAIN plan as an indented tree. Pure, so the layout is tested without a browser.
 */
import type { CypherPlanOperator, CypherResponse } from '../../graph/model/api-types';
import { namesOf, valueText } from './result-values';

/** Wider cells are cut with an ellipsis: one long sentence would otherwise push every column off screen. */
export const TEXT_CELL_WIDTH = 60;

function cut(text: string, width: number): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}

export function resultText(response: CypherResponse, maxRows = 500): string {
  if (response.plan) return planText(response.plan);
  const nameOf = namesOf(response);
  const rows = response.rows.slice(0, maxRows).map((row) => row.map((v) => cut(valueText(v, nameOf), TEXT_CELL_WIDTH)));
  const header = response.columns.map((c) => cut(c, TEXT_CELL_WIDTH));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const rule = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const count = `${response.rowCount} row${response.rowCount === 1 ? '' : 's'}${response.truncated ? ' (truncated)' : ''}`;
  if (!header.length) return count;
  const shown = response.rows.length > maxRows ? `, first ${maxRows} shown` : '';
  return [rule, line(header), rule, ...rows.map(line), ...(rows.length ? [rule] : []), `${count}${shown}`].join('\n');
}

/** One operator a line, its children indented under it, as cypher-shell's plan reads top to bottom. */
export function planText(plan: CypherPlanOperator): string {
  const lines: string[] = [];
  const walk = (op: CypherPlanOperator, depth: number) => {
    const rows = op.estimatedRows === undefined ? '' : `  ~${formatRows(op.estimatedRows)} rows`;
    lines.push(`${'  '.repeat(depth)}${depth ? '└ ' : ''}${op.operator}${op.details ? `  ${op.details}` : ''}${rows}`);
    op.children.forEach((child) => walk(child, depth + 1));
  };
  walk(plan, 0);
  return lines.join('\n');
}

/** Estimates are floats (12.345…): whole rows read better, and below one a decimal says "about none". */
export function formatRows(rows: number): string {
  return rows >= 10 ? String(Math.round(rows)) : String(Math.round(rows * 10) / 10);
}
