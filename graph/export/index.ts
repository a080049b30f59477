/**
 * Export writers: graphology in, a stream out (the HTTP response, a file), written in chunks so that
 * memory stays flat whatever the size of the graph. See attributes.ts for the attribute conventions they
 * read and view.ts for positions, colours and sizes.
 */
import type Graph from 'graphology';
import type { Writable } from 'node:stream';
import type { ExportFormat } from '../model/api-types';
import { ChunkedText, streamSink } from './chunked-text';
import { writeEdgesCsv, writeNodesCsv, type CsvPart } from './csv';
import { writeCsvZip } from './csv-zip';
import { writeCypherScript } from './cypher-script';
import { writeGexf } from './gexf';
import { writeGraphml } from './graphml';
import { writeGraphologyJson } from './json';

export { ChunkedText, StreamClosedError, streamSink, type ChunkSink } from './chunked-text';
export { writeEdgesCsv, writeNodesCsv, type CsvPart } from './csv';
export { writeCsvZip } from './csv-zip';
export { writeCypherScript } from './cypher-script';
export { writeGexf } from './gexf';
export { writeGraphml } from './graphml';
export { writeGraphologyJson } from './json';
export { applyView, type NodeView } from './view';

export interface ExportFileType {
  contentType: string;
  extension: string;
}

const FILE_TYPES: Record<ExportFormat, ExportFileType> = {
  gexf: { contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf' },
  graphml: { contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml' },
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  cypher: { contentType: 'application/x-cypher-query; charset=utf-8', extension: 'cypher' },
};

/** What the download is: the CSV of both tables is a zip of two files. */
export function exportFileType(format: ExportFormat, csvPart: CsvPart = 'both'): ExportFileType {
  if (format === 'csv' && csvPart === 'both') return { contentType: 'application/zip', extension: 'zip' };
  return FILE_TYPES[format];
}

/** Writes the export to the stream (which stays open: the caller ends it). */
export async function writeExport(
  graph: Graph,
  format: ExportFormat,
  stream: Writable,
  options: { csvPart?: CsvPart } = {},
): Promise<void> {
  if (format === 'csv' && (options.csvPart ?? 'both') === 'both') return writeCsvZip(graph, stream);
  const out = new ChunkedText(streamSink(stream));
  switch (format) {
    case 'gexf':
      return writeGexf(graph, out);
    case 'graphml':
      return writeGraphml(graph, out);
    case 'json':
      return writeGraphologyJson(graph, out);
    case 'csv':
      return options.csvPart === 'edges' ? writeEdgesCsv(graph, out) : writeNodesCsv(graph, out);
    case 'cypher':
      return writeCypherScript(graph, out);
  }
}
