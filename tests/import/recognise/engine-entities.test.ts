/** Recognition with the real engine: what the rules alone got wrong on documents of other kinds. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractWithEngine } from '../../support/engine';

async function entities(text: string): Promise<string[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-ner-'));
  const file = path.join(dir, 'doc.txt');
  writeFileSync(file, text);
  const { documents } = await extractWithEngine([{ path: file }]);
  return documents[0].entities.map((e) => `${e.type}:${e.name}`);
}

describe('recognition refined by the engine', () => {
  it('keeps the abbreviation a name starts with, and does not take a photo credit or two joined names for one', async () => {
    const found = await entities(
      'The minister spoke at the St. Louis Economic Forum on Monday. [Photo: Reuters/Pool] Officials of the European Union and Britain met later.',
    );
    expect(found.some((n) => n.endsWith(':St. Louis Economic Forum'))).toBe(true);
    expect(found.some((n) => /Louis Economic Forum$/.test(n) && !n.includes('St. '))).toBe(false);
    expect(found).not.toContain('Organization:Reuters/Pool');
    expect(found).not.toContain('Organization:European Union and Britain');
  });

  it('does not take a stray word the engine ran into a state for a place', async () => {
    const found = await entities(
      'Kim Jong Un greeted Vladimir Putin in Pyongyang. Translated from “[We] Enthusiastically Welcome Russian Federation President Comrade Vladimir Putin],” Rodong Sinmun, June 18, 2024.',
    );
    expect(found.filter((n) => /Welcome/.test(n))).toEqual([]);
    expect(found).toContain('State:Russia');
  });

  it('finds one-word companies and types a company name as an organisation, not a person', async () => {
    const found = await entities(
      'Microsoft completed its purchase of Activision Blizzard, the company said on Friday.',
    );
    expect(found).toEqual(expect.arrayContaining(['Organization:Microsoft', 'Organization:Activision Blizzard']));
    expect(found).not.toContain('Person:Activision Blizzard');
  });

  it('keeps a capitalised phrase out of Person without evidence', async () => {
    const found = await entities('The court said the Equal Protection Clause applies to the admissions policy.');
    expect(found.filter((e) => e.startsWith('Person:'))).toEqual([]);
  });

  it('resolves a demonym to its sovereign state', async () => {
    const found = await entities('American officials met French diplomats in Geneva on Monday to discuss the talks.');
    expect(found).toEqual(expect.arrayContaining(['State:United States', 'State:France']));
    expect(found.join(' ')).not.toMatch(/Mariana|Antarctic/);
  });

  it('takes the whole of a name the rules cut short, without the titles before it', async () => {
    const found = await entities(
      'British Prime Minister Theresa May said on Tuesday that London would stay in the agreement with Iran.',
    );
    expect(found).toContain('Person:Theresa May');
    expect(found).not.toContain('Person:Theresa');
  });

  it('makes a name that ends in a treaty word a treaty', async () => {
    const found = await entities(
      'Morocco joined the Abraham Accords in December 2020, after the United Arab Emirates.',
    );
    expect(found).toContain('Treaty:Abraham Accords');
    expect(found.filter((e) => e.endsWith(':Abraham Accords'))).toEqual(['Treaty:Abraham Accords']);
  });

  it('keeps a person whom an apposition with a role describes, even named like a weekday', async () => {
    const found = await entities(
      'Chris Monday, an expert on the Russian economy at Dongseo University, told reporters that the visit mattered.',
    );
    expect(found).toContain('Person:Chris Monday');
  });
});
