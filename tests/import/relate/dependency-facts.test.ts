/**
 * Relations read from the real engine's dependency parse: the same fact however the sentence is built,
 * and no fact from a denial, a hypothetical or a counterfactual.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractWithEngine } from '../../support/engine';

async function facts(text: string): Promise<string[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-dep-'));
  const file = path.join(dir, 'doc.txt');
  writeFileSync(file, text);
  const { documents, failures } = await extractWithEngine([{ path: file }]);
  expect(failures).toEqual([]);
  const [doc] = documents;
  const name = (id: string) => doc.entities.find((e) => e.id === id)?.name;
  return doc.relations.map((r) => `${name(r.source)} ${r.type} ${name(r.target)}`);
}

describe('facts from the dependency parse', () => {
  it('reads a supply through control and a "with" phrase', async () => {
    expect(await facts('Iran continues to supply Russia with attack drones.')).toContain('Iran SUPPLIES Russia');
  });

  it('reads the passive voice', async () => {
    expect(await facts('The drones were supplied by Iran to Russia last year.')).toContain('Iran SUPPLIES Russia');
  });

  it('gives a coordinated subject the fact too', async () => {
    const found = await facts('Iran and North Korea supplied weapons to Russia in 2023.');
    expect(found).toEqual(expect.arrayContaining(['Iran SUPPLIES Russia', 'North Korea SUPPLIES Russia']));
  });

  it('reads a visit from the verb and from the noun', async () => {
    expect(await facts('Vladimir Putin visited Vietnam on Thursday for two days of talks with its leaders.')).toContain(
      'Vladimir Putin VISITED Vietnam',
    );
    expect(await facts("Vladimir Putin's visit to Vietnam was short.")).toContain('Vladimir Putin VISITED Vietnam');
  });

  it('states nothing from a denial or a hypothetical', async () => {
    expect(await facts('Iran denied supplying drones to Russia.')).not.toContain('Iran SUPPLIES Russia');
    expect(await facts('Vladimir Putin may visit Vietnam next year.')).not.toContain('Vladimir Putin VISITED Vietnam');
  });

  it('attaches a title phrase to the person it names', async () => {
    expect(await facts("Zhou Enlai, China's premier, arrived on Monday.")).toContain(
      'Zhou Enlai AFFILIATED_WITH China',
    );
  });
});
