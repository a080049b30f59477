import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractWithEngine } from '../support/engine';

const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-merge-'));
function files(texts: Record<string, string>): Array<{ path: string }> {
  return Object.entries(texts).map(([name, text]) => {
    writeFileSync(path.join(dir, name), text);
    return { path: path.join(dir, name) };
  });
}

describe('merge', () => {
  it('joins a titled lone name to the only full name known in another document', async () => {
    const { documents } = await extractWithEngine(
      files({
        'a.txt': 'President Biden spoke on Monday. Biden said more.',
        'b.txt': 'Joe Biden met Fumio Kishida at the White House on Friday to discuss trade and security.',
      }),
    );
    const ids = documents.map((d) => d.entities.find((e) => e.type === 'Person' && /Biden/.test(e.name))?.id);
    expect(ids).toEqual(['person:joe-biden', 'person:joe-biden']);
    expect(documents[0].entities.find((e) => e.id === 'person:joe-biden')?.name).toBe('Joe Biden');
  });

  it('drops a lone name that could be either of two people rather than guess', async () => {
    const { documents } = await extractWithEngine(
      files({ 'c.txt': 'Mr. Kim spoke on Monday.', 'd.txt': 'Kim Yo Jong and her brother Kim Jong Un appeared.' }),
    );
    expect(documents[0].entities.filter((e) => e.type === 'Person')).toEqual([]);
    expect(
      documents[1].entities
        .filter((e) => e.type === 'Person')
        .map((e) => e.name)
        .sort(),
    ).toEqual(['Kim Jong Un', 'Kim Yo Jong']);
  });

  it('merges the same treaty named with and without its year in two documents', async () => {
    const { documents } = await extractWithEngine(
      files({
        'e.txt':
          'The 1961 DPRK-Soviet Union Treaty of Friendship, Cooperation and Mutual Assistance was signed in Moscow.',
        'f.txt': 'Scholars still debate the DPRK-Soviet Union Treaty of Friendship, Cooperation and Mutual Assistance.',
      }),
    );
    const ids = documents.map((d) => d.entities.find((e) => e.type === 'Treaty')?.id);
    expect(ids[0]).toBeDefined();
    expect(ids[0]).toBe(ids[1]);
  });
});
