/**
 * CSV, streamed: a `nodes` table and an `edges` table, each plain RFC 4180 with a header row, for Gephi's
 * spreadsheet import, networkx or a spreadsheet. As one download they are `nodes.csv` and `edges.csv` in a
 * zip (csv-zip.ts); `part` picks one of them alone. Lists are joined with " | "; evidence becomes a count
 * and its sentences; numbers keep at most four decimals (a confidence or a coordinate, not 17 digits).
 * Cells that a spreadsheet would run as a formula (=, +, -, @ first) are prefixed with a quote.
 */
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import type { Evidence } from '../model/types';
import { attributeNames, edgeAttributes, nodeAttributes } from './attributes';
import type { ChunkedText } from './chunked-text';

export type CsvPart = 'nodes' | 'edges' | 'both';

const NODE_FIRST = ['id', 'type', 'name', 'aliases'] as const;
const EDGE_FIRST = ['id', 'source', 'target', 'type', 'confidence', 'evidenceCount', 'evidence'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Four decimals at most: enough for a confidence or a position on screen, and what a spreadsheet shows. */
export function csvNumber(value: number): string {
  if (!Number.isFinite(value) || Number.isInteger(value)) return String(value);
  return String(Math.round(value * 1e4) / 1e4);
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number') return csvNumber(value);
  if (Array.isArray(value))
    text = value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(' | ');
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function table(out: ChunkedText, columns: string[], rows: Iterable<Record<string, unknown>>): Promise<void> {
  out.write(`${columns.map(csvCell).join(',')}\r\n`);
  for (const row of rows) {
    out.write(`${columns.map((column) => csvCell(row[column])).join(',')}\r\n`);
    await out.flushIfFull();
  }
  await out.flush();
}

function evidenceOf(attributes: Attributes): Evidence[] {
  return Array.isArray(attributes.evidence) ? (attributes.evidence as Evidence[]) : [];
}

export async function writeNodesCsv(graph: Graph, out: ChunkedText): Promise<void> {
  const columns = attributeNames(nodeAttributes(graph), NODE_FIRST);
  await table(
    out,
    columns,
    (function* () {
      for (const { node, attributes } of graph.nodeEntries()) yield { ...attributes, id: node };
    })(),
  );
}

export async function writeEdgesCsv(graph: Graph, out: ChunkedText): Promise<void> {
  const columns = attributeNames(edgeAttributes(graph), EDGE_FIRST);
  await table(
    out,
    columns,
    (function* () {
      for (const { edge, attributes, source, target } of graph.edgeEntries()) {
        const evidence = evidenceOf(attributes);
        yield {
          ...attributes,
          id: edge,
          source,
          target,
          evidenceCount: evidence.length,
          evidence: evidence.map((entry) => (typeof entry === 'object' && entry ? entry.text : String(entry))),
        };
      }
    })(),
  );
}
