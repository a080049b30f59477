/**
 * Export writers: pure functions, graphology in, string out (the server and the benchmark call them).
 * See attributes.ts for the attribute conventions they read.
 */
import type Graph from 'graphology';
import type { ExportFormat } from '../model/api-types';
import { writeCsv, type CsvPart } from './csv';
import { writeCypherScript } from './cypher-script';
import { writeGexf } from './gexf';
import { writeGraphml } from './graphml';
import { writeGraphologyJson } from './json';

export { writeCsv, writeEdgesCsv, writeNodesCsv, type CsvPart } from './csv';
export { writeCypherScript } from './cypher-script';
export { writeGexf } from './gexf';
export { writeGraphml } from './graphml';
export { writeGraphologyJson } from './json';

export interface ExportFile {
  body: string;
  contentType: string;
  extension: string;
}

const CONTENT_TYPES: Record<ExportFormat, [string, string]> = {
  gexf: ['application/gexf+xml; charset=utf-8', 'gexf'],
  graphml: ['application/graphml+xml; charset=utf-8', 'graphml'],
  json: ['application/json; charset=utf-8', 'json'],
  csv: ['text/csv; charset=utf-8', 'csv'],
  cypher: ['application/x-cypher-query; charset=utf-8', 'cypher'],
};

export function writeExport(graph: Graph, format: ExportFormat, options: { csvPart?: CsvPart } = {}): ExportFile {
  const [contentType, extension] = CONTENT_TYPES[format];
  const body = (() => {
    switch (format) {
      case 'gexf':
        return writeGexf(graph);
      case 'graphml':
        return writeGraphml(graph);
      case 'json':
        return writeGraphologyJson(graph);
      case 'csv':
        return writeCsv(graph, options.csvPart);
      case 'cypher':
        return writeCypherScript(graph);
    }
  })();
  return { body, contentType, extension };
}
