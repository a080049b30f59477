import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main, parseArgs } from '../../import/cli';
import { expandInputs, globToRegExp } from '../../import/files';

const fixtures = path.join(__dirname, '..', 'fixtures', 'import');

function capture(): { out: string[]; err: string[]; restore: () => void } {
  const out: string[] = [];
  const err: string[] = [];
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  return { out, err, restore: () => (o.mockRestore(), e.mockRestore()) };
}

describe('cli', () => {
  it('prints help and exits 0', async () => {
    const io = capture();
    const code = await main(['--help']);
    io.restore();
    expect(code).toBe(0);
    expect(io.out.join('')).toContain('--json FILE');
  });

  it('refuses an unknown option with exit code 2', async () => {
    const io = capture();
    const code = await main(['--frobnicate']);
    io.restore();
    expect(code).toBe(2);
    expect(io.err.join('')).toContain('unknown option --frobnicate');
  });

  it('writes the graph as JSON, prints a summary and one line per failed file, and exits 1', async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'dossier-cli-')), 'graph.json');
    const io = capture();
    const code = await main([
      '--json',
      out,
      path.join(fixtures, 'other-region-with-front-matter.md'),
      path.join(fixtures, 'empty.txt'),
      path.join(fixtures, 'malformed-front-matter.md'),
    ]);
    io.restore();
    expect(code).toBe(1);
    const graph = JSON.parse(readFileSync(out, 'utf8'));
    expect(graph.nodes.some((n: { attributes: { name: string } }) => n.attributes.name === 'Sameh Shoukry')).toBe(true);
    const summary = io.out.join('');
    expect(summary).toMatch(/Imported 1 document, 2 failed in [\d.]+ s/);
    expect(summary).toMatch(/Entities: \d+ \(.*State \d+/);
    expect(summary).toMatch(/Relations: \d+ \(/);
    const failed = io.err
      .join('')
      .split('\n')
      .filter((l) => l.startsWith('failed: '));
    expect(failed).toHaveLength(2);
    expect(failed.join('\n')).toMatch(/empty\.txt: file is empty/);
    expect(failed.join('\n')).toMatch(/malformed-front-matter\.md: malformed YAML front matter/);
  });

  it('exits 0 when every document imported', async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'dossier-cli-')), 'graph.json');
    const io = capture();
    const code = await main(['--json', out, path.join(fixtures, 'nav-paywall-and-repeated-lead.txt')]);
    io.restore();
    expect(code).toBe(0);
  });

  it('expands folders and globs into supported files', () => {
    const all = expandInputs([fixtures]);
    expect(all.some((f) => f.endsWith('article-with-boilerplate.html'))).toBe(true);
    const md = expandInputs([`${fixtures}/*.md`]);
    expect(md.map((f) => path.basename(f)).sort()).toEqual([
      'malformed-front-matter.md',
      'other-region-with-front-matter.md',
    ]);
    expect(globToRegExp('a/**/*.md').test('a/b/c/d.md')).toBe(true);
    expect(globToRegExp('a/*.md').test('a/b/d.md')).toBe(false);
  });

  it('parses --json in both spellings', () => {
    expect(parseArgs(['--json=x.json', 'a.txt'])).toEqual({ inputs: ['a.txt'], json: 'x.json', help: false });
    expect(() => parseArgs(['--json'])).toThrow('--json needs a file name');
  });
});
