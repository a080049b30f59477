/**
 * Import scaling: does every text stage grow linearly with its input? Each pathological shape
 * (`input-shapes.ts`) is generated at 1, 5 and 10 MB (quick: 0.2, 1 and 2 MB) and its stages are timed in
 * this process: load (parsing the bytes), clean, segment, recognise (the rules, without the engine's
 * spans), resolve, and relate with an empty parse (the word rules; the parse rules need the engine). The
 * figure is the growth ratio: time per MB at the largest size ÷ time per MB at the smallest; 1 is linear, a
 * quadratic stage gives the size ratio (10). Beside it the same ratio for a reference that is linear by
 * construction, one pass of a regular expression counting words over the same text, measured in the same
 * run: it shows what the machine alone does to a ratio (caches, garbage collection, other load).
 * The NLP engine is not timed here: it sees at most 2,000 characters per sentence and 50,000 per request
 * (so its work is per sentence and bounded), and its per-token cost is the import suite's figure.
 */
import { clean } from '../../import/clean';
import { parseDocument } from '../../import/load';
import { recognise } from '../../import/recognise/rule-candidates';
import { relate } from '../../import/relate/relate';
import { resolve } from '../../import/resolve';
import { segment } from '../../import/segment';
import { datesOfSentences } from '../../import/text/dates';
import type { Suite, SuiteReport, Table } from '../lib/report';
import { median, round } from '../lib/stats';
import { INPUT_SHAPES, shapedInput, type InputShape } from './input-shapes';

const STAGES = ['load', 'clean', 'segment', 'recognise', 'resolve', 'relate'] as const;
type Stage = (typeof STAGES)[number];
/** Growth up to this × the reference's counts as linear (single runs on a shared machine move by ±30 %). */
const LINEAR_TOLERANCE = 1.5;

interface Sample {
  shape: InputShape;
  megabytes: number;
  sentences: number;
  failed?: string;
  ms: Partial<Record<Stage | 'reference', number>>;
}

function sizes(quick: boolean): number[] {
  const fromEnv = process.env.BENCH_SCALING_MB?.split(',').map(Number);
  if (fromEnv?.length && fromEnv.every((n) => n > 0)) return fromEnv;
  return quick ? [0.2, 1, 2] : [1, 5, 10];
}

function shapes(): InputShape[] {
  const fromEnv = process.env.BENCH_SCALING_SHAPES?.split(',') as InputShape[] | undefined;
  return fromEnv?.length ? fromEnv.filter((s) => INPUT_SHAPES.includes(s)) : [...INPUT_SHAPES];
}

async function measure(shape: InputShape, megabytes: number): Promise<Sample> {
  const input = shapedInput(shape, megabytes * 1_000_000);
  const bytes = Buffer.from(input.content);
  const ms: Sample['ms'] = {};
  const time = <T>(stage: Stage | 'reference', work: () => T): T => {
    const start = performance.now();
    const result = work();
    ms[stage] = (ms[stage] ?? 0) + performance.now() - start;
    return result;
  };
  const started = performance.now();
  let loaded;
  try {
    loaded = await parseDocument(bytes, input.fileName);
  } catch (error) {
    return { shape, megabytes, sentences: 0, failed: (error as Error).message, ms: {} };
  }
  ms.load = performance.now() - started;
  const text = loaded.text;
  time('reference', () => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0);
  const kept = time('clean', () => clean(text));
  const sentences = time('segment', () => segment(text, kept));
  const recognised = time('recognise', () => recognise(text, sentences));
  const resolved = time('resolve', () => resolve(recognised, sentences));
  time('relate', () =>
    relate({
      text,
      sentences,
      tokens: recognised.tokens,
      resolved,
      dates: datesOfSentences(sentences, loaded.published),
      annotation: sentences.map(() => ({ tokens: [] })),
    }),
  );
  return { shape, megabytes, sentences: sentences.length, ms };
}

/** Time per MB at the largest size ÷ at the smallest. */
function growth(samples: Sample[], stage: Stage | 'reference'): number | undefined {
  const ok = samples.filter((s) => s.ms[stage] !== undefined);
  if (ok.length < 2) return undefined;
  const [first, last] = [ok[0], ok[ok.length - 1]];
  const perMb = (s: Sample) => s.ms[stage]! / s.megabytes;
  return perMb(first) >= 0.5 ? round(perMb(last) / perMb(first)) : undefined;
}

export const scalingSuite: Suite = {
  name: 'scaling',
  description: 'text stages at 1, 5 and 10 MB of pathological shapes: growth of time per MB against a linear reference',
  async run({ quick, runs, log, progress }): Promise<SuiteReport> {
    const mbs = sizes(quick);
    const all: Sample[] = [];
    const timesTable = (): Table => ({
      title: `Stage times (ms, median of ${runs}) by shape and size`,
      columns: ['shape', 'MB', 'sentences', ...STAGES, 'reference'],
      rows: all.map((s) => [
        s.shape,
        s.megabytes,
        s.failed ? `refused: ${s.failed.split(': ').slice(1).join(': ').slice(0, 60)}` : s.sentences,
        ...STAGES.map((stage) => (s.ms[stage] === undefined ? undefined : Math.round(s.ms[stage]!))),
        s.ms.reference === undefined ? undefined : round(s.ms.reference),
      ]),
    });
    const growthTable = (): Table => ({
      title: `Growth of time per MB, ${mbs[mbs.length - 1]} MB ÷ ${mbs[0]} MB (1 = linear, ${mbs[mbs.length - 1] / mbs[0]} = quadratic)`,
      columns: ['shape', ...STAGES, 'whole', 'reference', 'linear?'],
      rows: shapes().flatMap((shape) => {
        const samples = all.filter((s) => s.shape === shape && !s.failed);
        if (samples.length < 2) return [];
        const whole = wholeGrowth(samples);
        const reference = growth(samples, 'reference');
        const ratios = STAGES.map((stage) => growth(samples, stage));
        const worst = Math.max(...ratios.filter((r): r is number => r !== undefined), whole ?? 0);
        const bound = LINEAR_TOLERANCE * Math.max(1, reference ?? 1);
        return [[shape, ...ratios, whole, reference, worst <= bound ? 'linear' : `NO (${worst} > ${round(bound)})`]];
      }),
      notes: [
        'A ratio is left out (—) where the smallest size took under 0.5 ms per MB: too short to divide by.',
        `Linear: no stage nor the whole grows more than ${LINEAR_TOLERANCE} × the reference's growth (at least 1).`,
      ],
    });
    for (const shape of shapes()) {
      for (const megabytes of mbs) {
        const repeats: Sample[] = [];
        for (let r = 0; r < runs; r++) repeats.push(await measure(shape, megabytes));
        const sample: Sample = { ...repeats[0], ms: {} };
        for (const stage of [...STAGES, 'reference'] as const) {
          const values = repeats.map((s) => s.ms[stage]).filter((v): v is number => v !== undefined);
          if (values.length) sample.ms[stage] = median(values);
        }
        all.push(sample);
        const total = STAGES.reduce((n, stage) => n + (sample.ms[stage] ?? 0), 0);
        log(`${shape} ${megabytes} MB: ${sample.failed ? 'refused' : `${Math.round(total)} ms`}`);
        progress({ suite: 'scaling', tables: [timesTable(), growthTable()], notes: [], data: all });
      }
    }
    return { suite: 'scaling', tables: [timesTable(), growthTable()], notes: [], data: all };
  },
};

function wholeGrowth(samples: Sample[]): number | undefined {
  const total = (s: Sample) => STAGES.reduce((n, stage) => n + (s.ms[stage] ?? 0), 0) / s.megabytes;
  const [first, last] = [samples[0], samples[samples.length - 1]];
  return round(total(last) / total(first));
}
