import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main, parseArgs } from '../../import/cli';
import { expandInputs, globToRegExp } from '../../import/files';
import { makeDocx, makePdf, makePdfWithoutText } from '../support/make-documents';

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
    expect(parseArgs(['--json=x.json', 'a.txt'])).toEqual({
      inputs: ['a.txt'],
      json: 'x.json',
      followSymlinks: false,
      help: false,
    });
    expect(() => parseArgs(['--json'])).toThrow('--json needs a file name');
  });

  describe('symbolic links', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'dossier-links-'));
    const inside = path.join(root, 'inside');
    const outside = path.join(root, 'outside');
    mkdirSync(inside);
    mkdirSync(outside);
    const article = 'Sergei Shoigu met Kim Jong Un in Pyongyang on 13 September 2023 to discuss artillery supplies.\n';
    writeFileSync(path.join(inside, 'real.txt'), article);
    writeFileSync(path.join(outside, 'secret.txt'), `SECRET-OUTSIDE ${article}`);
    symlinkSync(path.join(outside, 'secret.txt'), path.join(inside, 'link.txt'));
    symlinkSync(outside, path.join(inside, 'linked-folder'));
    symlinkSync(inside, path.join(inside, 'loop'));

    it('keeps links found in a folder, unfollowed, so that loading refuses them; never leaves the folder', () => {
      const files = expandInputs([inside]);
      expect(files.map((f) => path.relative(inside, f)).sort()).toEqual([
        'link.txt',
        'linked-folder',
        'loop',
        'real.txt',
      ]);
      expect(files.some((f) => f.includes('outside'))).toBe(false);
      expect(
        expandInputs([`${inside}/*.txt`])
          .map((f) => path.basename(f))
          .sort(),
      ).toEqual(['link.txt', 'real.txt']);
    });

    it('follows links with followSymlinks, walking each real folder once', () => {
      const files = expandInputs([inside], { followSymlinks: true }).map((f) => path.relative(root, f));
      expect(files.sort()).toEqual(['inside/real.txt', 'outside/secret.txt']);
      expect(expandInputs([path.join(inside, 'link.txt')], { followSymlinks: true })).toEqual([
        path.join(outside, 'secret.txt'),
      ]);
      expect(parseArgs(['--follow-symlinks', 'a']).followSymlinks).toBe(true);
      expect(parseArgs(['a']).followSymlinks).toBe(false);
    });

    it('refuses every link with one line naming it and imports the rest, unless --follow-symlinks', async () => {
      const out = path.join(root, 'graph.json');
      const io = capture();
      const code = await main(['--json', out, inside, path.join(inside, 'link.txt')]);
      io.restore();
      expect(code).toBe(1);
      expect(io.out.join('')).toMatch(/Imported 1 document, 3 failed/);
      const failed = io.err
        .join('')
        .split('\n')
        .filter((l) => l.startsWith('failed: '));
      for (const name of ['link.txt', 'linked-folder', 'loop'])
        expect(failed.some((l) => l.includes(`${name}: is a symbolic link`) && l.includes('--follow-symlinks'))).toBe(
          true,
        );
      expect(readFileSync(out, 'utf8')).not.toContain('SECRET-OUTSIDE');

      const followed = capture();
      const followCode = await main(['--json', out, '--follow-symlinks', path.join(inside, 'link.txt')]);
      followed.restore();
      expect(followCode).toBe(0);
      expect(readFileSync(out, 'utf8')).toContain('SECRET-OUTSIDE');
    });
  });

  it('reads the PDF and Word files of a folder, and names a scanned PDF among them', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-cli-formats-'));
    writeFileSync(path.join(dir, 'talks.pdf'), makePdf([['Sergei Lavrov met Choe Son Hui in Pyongyang.']]));
    writeFileSync(
      path.join(dir, 'visit.docx'),
      await makeDocx('Shoigu visit', ['Russian Defence Minister Sergei Shoigu visited Pyongyang in July 2023.']),
    );
    writeFileSync(path.join(dir, 'scan.pdf'), makePdfWithoutText());
    const out = path.join(dir, 'graph.json');
    const io = capture();
    const code = await main(['--json', out, dir]);
    io.restore();
    expect(code).toBe(1);
    const graph = JSON.parse(readFileSync(out, 'utf8'));
    const names = graph.nodes.map((n: { attributes: { name: string } }) => n.attributes.name);
    expect(names).toEqual(expect.arrayContaining(['Choe Son Hui', 'Sergei Shoigu']));
    expect(io.out.join('')).toMatch(/Imported 2 documents, 1 failed/);
    expect(io.err.join('')).toMatch(/failed: .*scan\.pdf: PDF has no text layer \(scanned\?\)/);
  });
});
