import type { ImportJob } from '../../../graph/model/api-types';
import { addedDocumentIds, applyJobEvent, parseJobEvent, summaryText } from '../../../client/documents/import-progress';

const job = (files: ImportJob['files'], state: ImportJob['state'] = 'running'): ImportJob => ({
  id: 'job-abcdefgh',
  state,
  createdAt: '2026-01-01T00:00:00.000Z',
  by: { name: 'local user' },
  files,
});

describe('import progress', () => {
  it('moves a file on with its event and leaves the others as they were', () => {
    const before = job([
      { name: 'a.pdf', state: 'reading' },
      { name: 'b.txt', state: 'queued' },
    ]);
    const after = applyJobEvent(before, { type: 'file', index: 0, file: { name: 'a.pdf', state: 'extracting' } });
    expect(after.files.map((f) => f.state)).toEqual(['extracting', 'queued']);
    expect(before.files[0].state).toBe('reading');
  });

  it('never moves a file back once it ended (a late event after the snapshot)', () => {
    const before = job([{ name: 'a.pdf', state: 'done', documentId: 'doc-1' }]);
    expect(applyJobEvent(before, { type: 'file', index: 0, file: { name: 'a.pdf', state: 'storing' } })).toBe(before);
  });

  it('sums up a finished job and lists only the documents it added', () => {
    const finished = job(
      [
        { name: 'a.pdf', state: 'done', documentId: 'doc-1' },
        { name: 'b.txt', state: 'duplicate', documentId: 'doc-2' },
        { name: 'c.docx', state: 'failed', reason: 'c.docx: not a readable .docx', code: 'corrupt' },
      ],
      'done',
    );
    expect(summaryText(finished)).toBe('1 added, 1 already there, 1 failed');
    expect(addedDocumentIds(finished)).toEqual(['doc-1']);
    expect(summaryText(job([{ name: 'a.pdf', state: 'extracting' }]))).toBe('0 added, 1 to go');
  });

  it('reads the frames of the job stream and skips one that is not what it says', () => {
    expect(parseJobEvent('file', '{"index":2,"file":{"name":"a.pdf","state":"storing"}}')).toEqual({
      type: 'file',
      index: 2,
      file: { name: 'a.pdf', state: 'storing' },
    });
    expect(parseJobEvent('job', '{"id":"job-abcdefgh","state":"done"}')).toMatchObject({ type: 'job' });
    expect(parseJobEvent('file', '{"file":{"name":"a.pdf"}}')).toBeNull();
    expect(parseJobEvent('snapshot', 'not json')).toBeNull();
  });
});
