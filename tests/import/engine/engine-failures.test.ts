/**
 * When the engine cannot help — unreachable, or too slow for one document's deadline — the importer says so
 * in one line naming the cause, reports each document it could not extract, and stops no JVM of its own.
 */
import path from 'node:path';
import { extractFiles } from '../../../import/extract';
import { openEngine } from '../../../import/engine/nlp-engine';
import { testEngine } from '../../support/engine';

const corpus = (name: string): string => path.join(__dirname, '..', '..', '..', 'data', 'corpus', name);

describe('engine failures', () => {
  it('names the unreachable engine and the way out', async () => {
    const saved = process.env.DOSSIER_NLP_URL;
    process.env.DOSSIER_NLP_URL = 'http://127.0.0.1:9';
    try {
      await expect(openEngine()).rejects.toThrow(
        expect.objectContaining({
          name: 'EngineError',
          code: 'ENGINE_UNREACHABLE',
          message: expect.stringContaining('unset DOSSIER_NLP_URL'),
        }),
      );
    } finally {
      process.env.DOSSIER_NLP_URL = saved;
    }
  });

  it('reports a document past its deadline, naming it and the stage, and still answers for the next', async () => {
    const engine = await testEngine();
    const slow = await extractFiles([{ path: corpus('000_05faf3e93e947b68.txt') }], { engine, timeoutMs: 1 });
    expect(slow.documents).toEqual([]);
    expect(slow.failures).toEqual([
      expect.objectContaining({
        reason: 'deadline',
        message: expect.stringMatching(
          /000_05faf3e93e947b68\.txt: not extracted within 1 ms, its deadline \(IMPORT_DOCUMENT_TIMEOUT_MS\), while /,
        ),
      }),
    ]);
    const next = await extractFiles([{ path: corpus('000_05faf3e93e947b68.txt') }], { engine });
    expect(next.failures).toEqual([]);
    expect(next.documents).toHaveLength(1);
  });
});
