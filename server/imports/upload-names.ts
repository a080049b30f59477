/**
 * The name an uploaded file goes by. Browsers send only a base name, but a request can say anything: a
 * name with folders ("../../etc/passwd.txt", "C:\\x\\report.pdf") keeps its last part, which is only ever
 * shown and stored as text (the bytes wait on disk under a number, never under this name). A name with
 * control characters (line breaks, NUL, escape sequences, bidirectional overrides that make "gpj.exe" read
 * "exe.jpg") is refused: it would be shown in every list and log as something other than what it is.
 */
export type UploadName = { ok: true; name: string } | { ok: false; shown: string; reason: string };

const MAX_NAME_LENGTH = 255;
const CONTROL_CLASS =
  '[\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]';
const CONTROL = new RegExp(CONTROL_CLASS, 'u');
const EVERY_CONTROL = new RegExp(CONTROL_CLASS, 'gu');

export function checkUploadName(raw: string): UploadName {
  const shown = raw.replace(EVERY_CONTROL, '?').slice(0, MAX_NAME_LENGTH);
  if (CONTROL.test(raw)) {
    return { ok: false, shown, reason: `${shown}: file name has control characters; rename the file` };
  }
  const base = raw.normalize('NFC').split(/[/\\]/).pop()!.trim();
  if (base === '' || base === '.' || base === '..')
    return { ok: false, shown: shown || '(no name)', reason: `${shown || '(no name)'}: file name is empty` };
  if (base.length > MAX_NAME_LENGTH)
    return { ok: false, shown, reason: `${shown}…: file name is longer than ${MAX_NAME_LENGTH} characters` };
  return { ok: true, name: base };
}
