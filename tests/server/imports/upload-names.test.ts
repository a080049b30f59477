import { checkUploadName } from '../../../server/imports/upload-names';

describe('upload names', () => {
  it.each([
    ['../../etc/passwd.txt', 'passwd.txt'],
    ['C:\\Users\\ada\\report.pdf', 'report.pdf'],
    ['  notes.md ', 'notes.md'],
  ])('keeps the last part of %j', (raw, name) => {
    expect(checkUploadName(raw)).toEqual({ ok: true, name });
  });

  it.each(['line\nbreak.txt', 'nul\u0000.txt', 'evil\u202egpj.exe', 'esc\u001b[31m.txt'])(
    'refuses %j for its control characters, showing it without them',
    (raw) => {
      const checked = checkUploadName(raw);
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.shown).not.toMatch(/[\u0000-\u001f\u202e]/);
    },
  );

  it.each(['', '..', 'a/..', '/'])('refuses %j as no name', (raw) => {
    expect(checkUploadName(raw)).toMatchObject({ ok: false, reason: expect.stringContaining('file name is empty') });
  });
});
