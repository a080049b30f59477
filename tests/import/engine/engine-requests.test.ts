/**
 * A document goes to the engine in requests of at most MAX_REQUEST_CHARS: the answer for a document of
 * several requests is the answer each sentence gets on its own, at the document's offsets, in order; and a
 * deadline already passed sends nothing.
 */
import { EngineError, MAX_REQUEST_CHARS } from '../../../import/engine/nlp-engine';
import { testEngine } from '../../support/engine';

describe('engine requests', () => {
  const base = [
    'Kim Jong Un met Vladimir Putin in Vladivostok in April 2019.',
    'The two leaders discussed sanctions and the nuclear programme.',
    'Sergei Shoigu visited Pyongyang in July 2023 for a military parade.',
  ];
  // Offsets as in a document: each sentence starts where the one before ended, plus a space.
  const sentences: Array<{ start: number; text: string }> = [];
  for (let i = 0, at = 0; at < 2.5 * MAX_REQUEST_CHARS; i++) {
    const text = base[i % base.length];
    sentences.push({ start: at, text });
    at += text.length + 1;
  }

  it('answers a document of several requests sentence by sentence, as each alone', async () => {
    const engine = await testEngine();
    const whole = await engine.annotate(sentences, AbortSignal.timeout(60_000));
    expect(whole).toHaveLength(sentences.length);
    const alone = await engine.annotate(sentences.slice(0, 3), AbortSignal.timeout(60_000));
    for (let i = 0; i < sentences.length; i++) {
      const tokens = whole[i].tokens;
      expect(tokens.map((t) => [t.text, t.pos, t.ner])).toEqual(alone[i % 3].tokens.map((t) => [t.text, t.pos, t.ner]));
      expect(tokens[0].start).toBe(sentences[i].start);
    }
  }, 120_000);

  it('sends nothing once the deadline has passed', async () => {
    const engine = await testEngine();
    const passed = AbortSignal.abort();
    await expect(engine.annotate(sentences, passed)).rejects.toThrow(
      expect.objectContaining({ name: 'EngineError', code: 'ENGINE_TIMEOUT' }) as EngineError,
    );
  });
});
