/**
 * CSV in one download: a `nodes` table and an `edges` table. `part: 'both'` (the default) writes the two
 * tables one after the other, each under a `# nodes` / `# edges` line and separated by a blank line;
 * `part: 'nodes' | 'edges'` writes one plain RFC 4180 table, for tools that want two files (Gephi's
 * spreadsheet import). Lists are joined with " | "; evidence becomes a count and its sentences.
 * Cells that a spreadsheet would run as a formula (=, +, -, @ first) are prefixed with a quote.
 */
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import type { Evidence } from '../model/types';
import { attributeNames } from './attributes';
import { Lines } from './lines';

export type CsvPart = 'nodes' | 'edges' | 'both';

const NODE_FIRST = ['id', 'type', 'name', 'aliases'] as const;
const EDGE_FIRST = ['id', 'source', 'target', 'type', 'confidence', 'evidenceCount', 'evidence'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (Array.isArray(value))
    text = value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(' | ');
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function table(columns: string[], rows: Array<Record<string, unknown>>): string {
  const lines = new Lines('\r\n');
  lines.push(columns.map(csvCell).join(','));
  for (const row of rows) lines.push(columns.map((column) => csvCell(row[column])).join(','));
  return `${lines.toString()}\r\n`;
}

export function writeNodesCsv(graph: Graph): string {
  const rows = graph.mapNodes((node, attributes) => ({ ...attributes, id: node }));
  return table(attributeNames(rows, NODE_FIRST), rows);
}

export function writeEdgesCsv(graph: Graph): string {
  const rows = graph.mapEdges((edge, attributes: Attributes, source, target) => {
    const evidence = Array.isArray(attributes.evidence) ? (attributes.evidence as Evidence[]) : [];
    return {
      ...attributes,
      id: edge,
      source,
      target,
      evidenceCount: evidence.length,
      evidence: evidence.map((entry) => (typeof entry === 'object' && entry ? entry.text : String(entry))),
    };
  });
  return table(attributeNames(rows, EDGE_FIRST), rows);
}

export function writeCsv(graph: Graph, part: CsvPart = 'both'): string {
  if (part === 'nodes') return writeNodesCsv(graph);
  if (part === 'edges') return writeEdgesCsv(graph);
  return `# nodes\r\n${writeNodesCsv(graph)}\r\n# edges\r\n${writeEdgesCsv(graph)}`;
}
