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
  it('reads recalling an ambassador and branding a leader as opposition', async () => {
    const found = await facts(
      'Brazil recalled its ambassador to Argentina on Friday. Chinese officials branded Javier Milei a dangerous populist.',
    );
    expect(found).toContain('Brazil OPPOSES Argentina');
    expect(found.some((f) => f.endsWith('OPPOSES Javier Milei'))).toBe(true);
  });

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

  it('gives an event its participants from the verb that governs it', async () => {
    const found = await facts(
      'Sergei Lavrov and Sergei Shoigu joined the talks between Vladimir Putin and Kim Jong Un at the Vostochny Cosmodrome on 13 September 2023.',
    );
    expect(found.filter((f) => f.includes('PARTICIPATED_IN')).join('; ')).toMatch(/Sergei Lavrov PARTICIPATED_IN/);
    expect(found.filter((f) => f.includes('PARTICIPATED_IN')).join('; ')).toMatch(/Sergei Shoigu PARTICIPATED_IN/);
  });

  it('reads the signers of a passive signing through an apposition, and their states become parties', async () => {
    const found = await facts(
      'Russian Foreign Minister Igor Ivanov met North Korean Foreign Minister Paek Nam Sun in Pyongyang. ' +
        'The Treaty of Friendship, Good-Neighbourliness and Cooperation was signed in Pyongyang on 9 February 2000 by the two foreign ministers, Igor Ivanov and Paek Nam Sun.',
    );
    const treaty = found.find((f) => f.startsWith('Igor Ivanov SIGNED'))?.split(' SIGNED ')[1];
    expect(treaty).toMatch(/Treaty of Friendship/);
    expect(found).toEqual(
      expect.arrayContaining([
        `Paek Nam Sun SIGNED ${treaty}`,
        `Russia PARTY_TO ${treaty}`,
        `North Korea PARTY_TO ${treaty}`,
      ]),
    );
  });

  it('takes a definite "the document" for the treaty named just before', async () => {
    const found = await facts(
      'Washington and Khartoum agreed on the Abraham Accords Declaration in January 2021. The document was signed in the Sudanese capital by U.S. Treasury Secretary Steven Mnuchin.',
    );
    expect(found.some((f) => /^Steven Mnuchin SIGNED .*Abraham Accords/.test(f))).toBe(true);
  });

  it('takes "the minister" for the one person that title introduced', async () => {
    const found = await facts(
      'Russian Defence Minister Sergei Shoigu arrived in Pyongyang on Tuesday for three days of talks. The minister met Kim Jong Un on Wednesday.',
    );
    expect(found).toContain('Sergei Shoigu MET_WITH Kim Jong Un');
  });

  it('reads a party from "is a party to"', async () => {
    const found = await facts(
      'Belarus is a party to the Treaty on the Non-Proliferation of Nuclear Weapons as a non-nuclear-weapon state.',
    );
    expect(found.some((f) => /^Belarus PARTY_TO .*Non-Proliferation/.test(f))).toBe(true);
  });

  it("lends a light verb's subject to the noun that carries the relation", async () => {
    const found = await facts(
      'Russian Foreign Minister Sergei Lavrov paid an official visit to North Korea on 18 October for two days of talks.',
    );
    expect(found).toContain('Sergei Lavrov VISITED North Korea');
  });
});
