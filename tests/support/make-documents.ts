/**
 * Real PDF and Word files made in the test, byte by byte: a PDF with a text layer (one Helvetica text
 * object per page, a blank line between paragraphs), a PDF with only a drawing on its page (what a scan
 * without OCR looks like to a reader), a PDF encrypted with a password nobody here knows, and a .docx
 * with the parts Word writes (content types, relationships, the main document part).
 */
import { randomBytes } from 'node:crypto';
import JSZip from 'jszip';

const LEADING = 14;

function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** A page's content: each line of `lines` one line of text; an empty line leaves a paragraph gap. */
function textContent(lines: string[]): string {
  const shown = lines.map((line, i) => `${i === 0 ? '' : 'T* '}${line ? `${pdfString(line)} Tj` : ''}`);
  return `BT /F1 11 Tf ${LEADING} TL 72 740 Td ${shown.join('\n')} ET`;
}

/** Assembles objects into a PDF with a correct cross-reference table. `objects[i]` is object i + 1. */
function assemble(objects: string[], trailerExtra = ''): Buffer {
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function stream(content: string): string {
  return `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
}

function pagesPdf(contents: string[], trailerExtra = '', extraObjects: string[] = []): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  const kids: string[] = [];
  for (const content of contents) {
    const pageId = objects.length + 1;
    kids.push(`${pageId} 0 R`);
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageId + 1} 0 R >>`,
      stream(content),
    );
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${contents.length} >>`;
  const first = objects.length + 1;
  objects.push(...extraObjects);
  return assemble(objects, trailerExtra.replace(/\$FIRST/g, String(first)));
}

/** One entry of `pages` per page, each a list of lines; `title` goes in the document information dictionary. */
export function makePdf(pages: string[][], options: { title?: string } = {}): Buffer {
  if (options.title === undefined) return pagesPdf(pages.map(textContent));
  return pagesPdf(pages.map(textContent), '/Info $FIRST 0 R ', [`<< /Title ${pdfString(options.title)} >>`]);
}

/** A page with a filled rectangle and no text: the text layer a scanned page without OCR has. */
export function makePdfWithoutText(): Buffer {
  return pagesPdf(['0.2 0.2 0.2 rg 72 72 400 600 re f']);
}

/** Encrypted with the standard security handler (RC4, revision 2) under a user password nobody here knows. */
export function makeEncryptedPdf(): Buffer {
  const hex = (bytes: number) => randomBytes(bytes).toString('hex');
  return pagesPdf([textContent(['Secret text.'])], `/Encrypt $FIRST 0 R /ID [<${hex(16)}> <${hex(16)}>] `, [
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(32)}> /U <${hex(32)}> /P -44 >>`,
  ]);
}

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A .docx whose body is a title paragraph (Word's "Title" style) and one paragraph per entry. */
export async function makeDocx(title: string, paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`,
  );
  const paragraph = (text: string, style?: string) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${xmlText(text)}</w:t></w:r></w:p>`;
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body>${paragraph(title, 'Heading1')}${paragraphs.map((p) => paragraph(p)).join('')}</w:body>
</w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A file that starts like a .docx (a ZIP's local header) and then stops. */
export async function makeCorruptDocx(): Promise<Buffer> {
  const whole = await makeDocx('Broken', ['This archive is cut short.']);
  return whole.subarray(0, Math.floor(whole.length / 2));
}
