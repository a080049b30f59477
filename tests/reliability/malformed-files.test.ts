/**
 * The generated malformed files (malformed-files.ts), first each through the importer's loader, then all
 * of them at once through the import CLI against the test Neo4j: each gives a clear error that names the
 * file (or, for a PDF or Word document cut where its text survives, reads), never an error of another kind,
 * a crash or a stack trace, and the stored data stays exactly as it was.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Neo4jConnection } from '../../graph/neo4j/connection';
import { DocumentLoadError } from '../../import/errors';
import { parseDocument } from '../../import/load';
import { main } from '../../import/cli';
import { connectTestNeo4j, emptyDatabase, pointImporterAtTestNeo4j } from '../support/neo4j';
import { importKorea } from '../server/workshops/fixtures/korea-import';
import { malformedFiles, type MalformedFile } from './malformed-files';
import { graphFingerprint } from './support/graph-fingerprint';

/** Cut containers may keep their text: these may read, every other file must fail. */
const MAY_READ = /^cut-\d+\.(pdf|docx)$/;

let files: MalformedFile[];
let connection: Neo4jConnection;
const rejected: MalformedFile[] = [];
const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-malformed-'));

beforeAll(async () => {
  files = await malformedFiles();
  connection = connectTestNeo4j();
  await emptyDatabase(connection);
  await importKorea(connection);
});
afterAll(async () => {
  await connection.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('malformed files', () => {
  it('are more than 300, of every supported format', () => {
    expect(files.length).toBeGreaterThan(300);
    for (const ext of ['.txt', '.md', '.html', '.pdf', '.docx'])
      expect(files.filter((f) => f.name.endsWith(ext)).length).toBeGreaterThan(30);
    expect(new Set(files.map((f) => f.name)).size).toBe(files.length);
  });

  it('each fail to load with a DocumentLoadError naming the file, within seconds', async () => {
    const wrong: string[] = [];
    for (const file of files) {
      const shown = `malformed/${file.name}`;
      const started = performance.now();
      const outcome = await parseDocument(file.bytes, shown).then(
        () => 'read',
        (error: Error) => error,
      );
      const ms = performance.now() - started;
      if (ms > 10_000) wrong.push(`${file.name}: took ${Math.round(ms)} ms`);
      if (typeof outcome === 'string') {
        if (!MAY_READ.test(file.name)) wrong.push(`${file.name}: read as a document`);
      } else if (!(outcome instanceof DocumentLoadError)) {
        wrong.push(`${file.name}: ${outcome.name}: ${outcome.message}`);
      } else {
        if (!outcome.message.startsWith(`${shown}: `)) wrong.push(`${file.name}: message "${outcome.message}"`);
        rejected.push(file);
      }
    }
    expect(wrong).toEqual([]);
    expect(rejected.length).toBeGreaterThan(300);
  }, 240_000);

  it('through the import CLI, each get one line naming them, no stack trace, and the database is unchanged', async () => {
    for (const file of rejected) writeFileSync(path.join(dir, file.name), file.bytes);
    const before = await graphFingerprint(connection);
    const undo = pointImporterAtTestNeo4j();
    let stderr = '';
    let stdout = '';
    const out = jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
    const err = jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
    let code: number;
    try {
      // Each file by name: a folder would leave out the names with no supported extension.
      code = await main(rejected.map((f) => path.join(dir, f.name)));
    } finally {
      out.mockRestore();
      err.mockRestore();
      undo();
    }
    expect(code).toBe(1);
    const failed = stderr.split('\n').filter((line) => line.startsWith('failed: '));
    const named = new Set(rejected.map((f) => path.join(dir, f.name)));
    for (const line of failed) named.delete(line.slice('failed: '.length).split(': ')[0]);
    expect([...named]).toEqual([]);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toMatch(new RegExp(`${rejected.length} failed`));
    expect(await graphFingerprint(connection)).toEqual(before);
  }, 240_000);
});
