/**
 * The CSV download: `nodes.csv` and `edges.csv` in one zip, deflated as they are written (fflate's
 * streaming `Zip`), so memory holds a chunk of each at most. Deflate level 1: level 6 took most of the
 * export's CPU time (4.8 CPU-s at 100k nodes) for a file that CSV's repetition makes small either way. A spreadsheet opens each file on its own;
 * two tables in one CSV file (what the export was before) open as one ragged sheet.
 */
import { Zip, ZipDeflate } from 'fflate';
import type Graph from 'graphology';
import type { Writable } from 'node:stream';
import { ChunkedText, waitForDrain } from './chunked-text';
import { writeEdgesCsv, writeNodesCsv } from './csv';

export async function writeCsvZip(graph: Graph, stream: Writable): Promise<void> {
  const encoder = new TextEncoder();
  let failure: Error | null = null;
  const finished = new Promise<void>((resolve, reject) => {
    const zip = new Zip((error, chunk, final) => {
      if (error) {
        failure = error;
        reject(error);
        return;
      }
      stream.write(chunk);
      if (final) resolve();
    });
    const entry = async (name: string, write: (graph: Graph, out: ChunkedText) => Promise<void>) => {
      const file = new ZipDeflate(name, { level: 1 });
      zip.add(file);
      await write(
        graph,
        new ChunkedText(async (chunk) => {
          if (failure) throw failure;
          file.push(encoder.encode(chunk));
          await waitForDrain(stream);
        }),
      );
      file.push(new Uint8Array(0), true);
    };
    (async () => {
      await entry('nodes.csv', writeNodesCsv);
      await entry('edges.csv', writeEdgesCsv);
      zip.end();
    })().catch(reject);
  });
  await finished;
}
