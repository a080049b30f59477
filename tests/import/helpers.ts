/** Runs the stages up to resolve on a piece of text, for the stage tests. */
import { datesOfSentences } from '../../import/text/dates';
import type { EventContext } from '../../import/relate/events';
import { recognise } from '../../import/recognise/rule-candidates';
import { resolve } from '../../import/resolve';
import { segment } from '../../import/segment';

export function stagesOf(
  text: string,
  published?: string,
): EventContext & { names: (type?: string) => string[]; keyOf: (surface: string) => string | undefined } {
  const sentences = segment(text, [[0, text.length]]);
  const recognised = recognise(text, sentences);
  const resolved = resolve(recognised, sentences);
  const dates = datesOfSentences(sentences, published);
  return {
    text,
    sentences,
    tokens: recognised.tokens,
    resolved,
    dates,
    names: (type) =>
      [...resolved.entities.values()]
        .filter((e) => !type || e.type === type)
        .map((e) => e.name)
        .sort(),
    keyOf: (surface) => resolved.mentions.find((m) => m.text === surface)?.key,
  };
}
