/**
 * Reads the text layer of one PDF with pdfjs-dist, in a worker thread of its own: pdfjs-dist is published as
 * ECMAScript modules only (the project is CommonJS), and a long PDF keeps a core busy for seconds that the
 * server's event loop must not lose. Input: `workerData` is the file's bytes. Output: one message,
 * `{ pages: [[{ str, eol, y, h }]], title }` (each page's text items in reading order, the title its metadata
 * gives) or `{ error: { name, message } }`.
 * Assembling the text from the items is `pdf-text.ts`'s job, where it is typed and tested.
 */
import { parentPort, workerData } from 'node:worker_threads';

async function readPages(bytes) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    // Text only: no fonts loaded into a DOM, no eval of font programs, no network.
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: 0,
  });
  const pdf = await task.promise;
  try {
    const metadata = await pdf.getMetadata().catch(() => null);
    const title = typeof metadata?.info?.Title === 'string' ? metadata.info.Title : undefined;
    const pages = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(
        content.items
          .filter((item) => 'str' in item)
          .map((item) => ({ str: item.str, eol: item.hasEOL, y: item.transform[5], h: item.height })),
      );
      page.cleanup();
    }
    return { pages, title };
  } finally {
    await pdf.destroy();
  }
}

readPages(workerData).then(
  (read) => parentPort.postMessage(read),
  (error) =>
    parentPort.postMessage({
      error: { name: String(error?.name ?? 'Error'), message: String(error?.message ?? error) },
    }),
);
