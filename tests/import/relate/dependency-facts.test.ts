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

  it('reads legal and political actions "against" someone, and a stance on what belongs to someone', async () => {
    const found = await facts(
      'Chile instituted proceedings against Peru in March. Bolivia brought charges against Paraguay. ' +
        'Norway and Finland declared their opposition to any further enlargement of NATO.',
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'Chile OPPOSES Peru',
        'Bolivia OPPOSES Paraguay',
        'Norway OPPOSES North Atlantic Treaty Organization',
        'Finland OPPOSES North Atlantic Treaty Organization',
      ]),
    );
    // a case is not against anyone the text does not say
    expect(await facts('Chile brought its case to the court in The Hague in March.')).not.toContainEqual(
      expect.stringMatching(/^Chile OPPOSES/),
    );
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

  it('takes "the two men" for the two people named just before, and leaves it alone among three', async () => {
    const found = await facts(
      'It took President Ronald Reagan and Mikhail Gorbachev, the reformist Soviet leader, to end the standoff. The two men signed the Intermediate-Range Nuclear Forces Treaty in Washington on Dec. 8, 1987.',
    );
    expect(found.filter((f) => /SIGNED .*Intermediate-Range/.test(f)).sort()).toEqual([
      expect.stringMatching(/^Mikhail Gorbachev SIGNED/),
      expect.stringMatching(/^Ronald Reagan SIGNED/),
    ]);
    const three = await facts(
      'Emmanuel Macron, Olaf Scholz and Giorgia Meloni met in Rome on Monday. The two leaders signed the Quirinal Treaty on Tuesday.',
    );
    expect(three.filter((f) => / SIGNED /.test(f))).toEqual([]);
  });

  it('takes a later reference to a treaty back through an earlier one ("the accords … the documents")', async () => {
    const found = await facts(
      'Sudan signed the Abraham Accords on Wednesday. Officials said more would follow. Washington welcomed the step. ' +
        'Critics were silent. Observers were surprised. The accords were first signed on Sept. 15 at the White House. ' +
        'Israeli Prime Minister Benjamin Netanyahu and Bahraini Foreign Minister Abdullatif al-Zayani signed the documents.',
    );
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Benjamin Netanyahu SIGNED .*Abraham Accords/),
        expect.stringMatching(/^Abdullatif al-Zayani SIGNED .*Abraham Accords/),
      ]),
    );
  });

  it('brings the people who gather for an event into it, and those a host brings', async () => {
    const met = await facts(
      'Published 14 February 2015\n\nOn February 11, Angela Merkel, Francois Hollande and Vladimir Putin met in Minsk for talks hosted by Belarusian President Alexander Lukashenko.',
    );
    expect(
      met
        .filter((f) => / PARTICIPATED_IN /.test(f))
        .map((f) => f.split(' PARTICIPATED_IN ')[0])
        .sort(),
    ).toEqual(['Alexander Lukashenko', 'Angela Merkel', 'Francois Hollande', 'Vladimir Putin']);
    const hosted = await facts(
      'Published 2 July 2023\n\nVladimir Putin hosted Yevgeny Prigozhin for a meeting of nearly three hours on June 29.',
    );
    expect(
      hosted
        .filter((f) => / PARTICIPATED_IN /.test(f))
        .map((f) => f.split(' PARTICIPATED_IN ')[0])
        .sort(),
    ).toEqual(['Vladimir Putin', 'Yevgeny Prigozhin']);
  });

  it('gives a relative clause on an apposition to the person it stands beside', async () => {
    const found = await facts(
      "Yevgeny Prigozhin, the Wagner mercenary chief who led a short-lived armed mutiny against Russia's military leadership in June 2023, was killed.",
    );
    expect(found.some((f) => /^Yevgeny Prigozhin PARTICIPATED_IN .*mutiny/i.test(f))).toBe(true);
  });

  it('reads "officials in Moscow" as the state they serve', async () => {
    const found = await facts('Officials in Moscow accuse the United States of breaching the treaty.');
    expect(found).toContain('Russia OPPOSES United States');
  });

  it('reads a harsh judgement of a deed as opposing its doer, and the judge takes no part in the deed', async () => {
    const found = await facts(
      'Published 25 June 2023\n\nIn a televised address on June 24, Vladimir Putin called the uprising by Yevgeny Prigozhin treason.',
    );
    expect(found).toContain('Vladimir Putin OPPOSES Yevgeny Prigozhin');
    expect(found.some((f) => /^Vladimir Putin PARTICIPATED_IN .*address/i.test(f))).toBe(true);
    expect(found.some((f) => /^Vladimir Putin PARTICIPATED_IN .*uprising/i.test(f))).toBe(false);
    const mild = await facts('Vladimir Putin called the visit by Kim Jong Un a success.');
    expect(mild).not.toContain('Vladimir Putin OPPOSES Kim Jong Un');
  });

  it('reads a role taken "as" something', async () => {
    expect(await facts('Kamala Harris will serve as vice president of the United States.')).toContain(
      'Kamala Harris AFFILIATED_WITH United States',
    );
  });

  it('makes who acts under a treaty its party', async () => {
    const found = await facts(
      'The Russian side has trampled on the Budapest Memorandum of 1994, under which Ukraine gave up its nuclear arsenal. Under the Paris Agreement, France will cut its emissions by half.',
    );
    expect(found.some((f) => /^Ukraine PARTY_TO .*Budapest Memorandum/.test(f))).toBe(true);
    expect(found.some((f) => /^France PARTY_TO .*Paris Agreement/.test(f))).toBe(true);
  });

  it('takes "the three countries" for the three states just named', async () => {
    const found = await facts(
      'The United States, the United Kingdom and Australia met in Washington on Monday. The three countries signed the Washington Naval Agreement.',
    );
    expect(
      found
        .filter((f) => / PARTY_TO .*Naval Agreement/.test(f))
        .map((f) => f.split(' PARTY_TO ')[0])
        .sort(),
    ).toEqual(['Australia', 'United Kingdom', 'United States']);
  });

  it('follows a title through its "of" phrases to whom it belongs', async () => {
    expect(
      await facts('On 25 May 2023 in Minsk, the Minister of Defence of Belarus, Viktor Khrenin, signed the documents.'),
    ).toContain('Viktor Khrenin AFFILIATED_WITH Belarus');
  });

  it('brings those "alongside" into the event too', async () => {
    const found = await facts(
      'In December 2019, Emmanuel Macron hosted a Normandy summit in Paris where Volodymyr Zelensky and Vladimir Putin met for the first time, alongside Angela Merkel.',
    );
    expect(found.some((f) => /^Angela Merkel PARTICIPATED_IN .*Normandy summit/.test(f))).toBe(true);
  });
});
