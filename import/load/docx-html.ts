/**
 * A Word document (.docx) as HTML through mammoth, which the HTML path then reads like any article: the
 * headings, paragraphs, lists and tables Word wrote become the same blocks. A file that is not a Word
 * document, or a cut-off archive, is refused with the reason.
 */
import mammoth from 'mammoth';
import { DocumentLoadError } from '../errors';

export async function docxToHtml(bytes: Buffer, file: string): Promise<string> {
  try {
    const result = await mammoth.convertToHtml({ buffer: bytes });
    return `<!doctype html><html><body><article>${result.value}</article></body></html>`;
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    const why = /main document part/i.test(message)
      ? 'the archive holds no Word document (word/document.xml)'
      : `the archive is damaged (${message.split('\n')[0]})`;
    throw new DocumentLoadError(file, 'corrupt', `not a readable .docx: ${why}`, { cause: error });
  }
}
