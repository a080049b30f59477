/**
 * Scores the importer on 20 annotated articles it was not written for (wire reports, analyses,
 * explainers, press releases, HTML and Markdown; East Asia, Europe, arms control, the Middle East,
 * business, courts, elections), copied into tests/fixtures/eval-dev. Precision and verbatim evidence hold
 * the project's floors; core entity recall (floor 90 %), splits (floor: none) and core relation recall
 * (floor 60 %) are not there yet, so their tests hold the level reached so far and no change can make
 * unseen documents worse. Raise them as they improve.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { scoreGraph, type GoldFile, type Score } from '../../../import/eval/score';
import { toGraphologyJson } from '../../../import/graphology-json';
import { load as loadHtml } from 'cheerio';
import { extractWithEngine } from '../../support/engine';

const root = path.join(__dirname, '..', '..', 'fixtures', 'eval-dev');
const corpus = path.join(root, 'corpus');

/**
 * The text a reader sees, rendered apart from the importer's loader (which keeps offsets by blanking
 * markup): HTML as a browser's text, Markdown with links, emphasis, headings and bullets rendered.
 */
function readerText(file: string, raw: string): string {
  if (/\.html?$/.test(file)) {
    const $ = loadHtml(raw);
    $('script, style').remove();
    return $.root().text();
  }
  if (/\.md$/.test(file))
    return raw
      .replace(/^---\n[\s\S]*?\n---\n/, '')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__|\*|_|`)(?=\S)([^\n]*?\S)\1/g, '$2')
      .replace(/^\s{0,3}(#{1,6}\s+|[-*+]\s+|>\s?)/gm, '');
  return raw;
}

describe('quality on unseen documents', () => {
  const files = readdirSync(corpus).sort();
  const gold = readdirSync(path.join(root, 'gold')).map(
    (f) => JSON.parse(readFileSync(path.join(root, 'gold', f), 'utf8')) as GoldFile,
  );
  let score: Score;
  beforeAll(async () => {
    const result = await extractWithEngine(files.map((f) => ({ path: path.join(corpus, f) })));
    expect(result.failures).toEqual([]);
    score = scoreGraph(
      gold,
      toGraphologyJson(result.documents),
      new Map(files.map((f) => [f, readerText(f, readFileSync(path.join(corpus, f), 'utf8'))])),
    );
  });

  it('finds at least 79 % of the core entities with their type', () => {
    expect(score.entities.coreRecallTyped).toBeGreaterThanOrEqual(79);
  });

  it('predicts entities with at least 85 % precision', () => {
    expect(score.entities.precision).toBeGreaterThanOrEqual(85);
  });

  it('splits no more than 21 gold entities', () => {
    expect(score.entities.split.length).toBeLessThanOrEqual(21);
  });

  it('finds at least 39 % of the core relations with their type', () => {
    expect(score.relations.coreRecallTyped).toBeGreaterThanOrEqual(39);
  });

  it('quotes every piece of evidence verbatim from its document', () => {
    expect(score.evidence.bad).toEqual([]);
    expect(score.evidence.verbatim).toBe(100);
  });
});
