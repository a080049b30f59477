/**
 * Files are stored as they are extracted, and each document has its own deadline: a file that runs past its
 * deadline fails alone, naming itself, the deadline and the stage, while the good files of the same import are
 * stored before it ends; an importer killed while a large file is still being annotated keeps the documents it
 * had finished, each whole, and none of the unfinished one. Real Neo4j, real engine, the CLI and the server's
 * import path (runImport).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { shapedInput } from '../../bench/import/input-shapes';
import { main } from '../../import/cli';
import { runImport, type ImportFileUpdate } from '../../import/run-import';
import { connectTestNeo4j, emptyDatabase, pointImporterAtTestNeo4j, rows } from '../support/neo4j';
import { testEngine } from '../support/engine';

const PROJECT = path.join(__dirname, '..', '..');
const CORPUS = path.join(PROJECT, 'data', 'corpus');
const GOOD = ['000_05faf3e93e947b68.txt', '001_403acb75b93ca2d5.txt', '002_3f795212a5ca3045.txt'];

describe('storing documents as they are extracted', () => {
  const connection = connectTestNeo4j();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-as-extracted-'));
  // One paragraph of 5 MB: well over a minute of one engine thread, far past a deadline of 15–40 s, which an
  // article meets many times over even on a loaded machine.
  const large = path.join(dir, 'large.txt');
  writeFileSync(large, shapedInput('one-paragraph', 5_000_000).content);
  const good = GOOD.map((name) => {
    copyFileSync(path.join(CORPUS, name), path.join(dir, name));
    return path.join(dir, name);
  });
  let restoreEnv = (): void => undefined;

  beforeAll(() => {
    restoreEnv = pointImporterAtTestNeo4j();
  });

  beforeEach(() => emptyDatabase(connection));

  afterAll(async () => {
    restoreEnv();
    await emptyDatabase(connection);
    await connection.close();
  });

  const storedPaths = async (): Promise<string[]> =>
    (await rows<{ path: string }>(connection, 'MATCH (d:Document) RETURN d.path AS path ORDER BY path')).map(
      (r) => r.path,
    );

  it('fails the file past its deadline alone, and stores the others', async () => {
    const err: string[] = [];
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    process.env.IMPORT_DOCUMENT_TIMEOUT_MS = '15000';
    let code: number;
    try {
      code = await main([large, ...good]);
    } finally {
      delete process.env.IMPORT_DOCUMENT_TIMEOUT_MS;
      stdout.mockRestore();
      stderr.mockRestore();
    }
    expect(code).toBe(1);
    const failed = err.filter((line) => line.startsWith('failed: '));
    expect(failed).toEqual([
      `failed: ${large}: not extracted within 15 s, its deadline (IMPORT_DOCUMENT_TIMEOUT_MS), while annotating\n`,
    ]);
    expect(await storedPaths()).toEqual([...good].sort());
  }, 120_000);

  it('refuses a deadline that is no number of milliseconds, naming the variable', async () => {
    const err: string[] = [];
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    process.env.IMPORT_DOCUMENT_TIMEOUT_MS = 'soon';
    try {
      expect(await main(good)).toBe(2);
    } finally {
      delete process.env.IMPORT_DOCUMENT_TIMEOUT_MS;
      stderr.mockRestore();
    }
    expect(err.join('')).toMatch(/IMPORT_DOCUMENT_TIMEOUT_MS .*got "soon"/);
  });

  it('has an upload job store its good files while a large one is still being annotated', async () => {
    const inputs = [large, ...good].map((file) => ({ path: file, displayPath: file, name: path.basename(file) }));
    const states: ImportFileUpdate[][] = inputs.map(() => []);
    // What was stored when the large file failed: the good files were done by then, not waiting for it.
    let storedWhenLargeFailed: string[] | undefined;
    let seen: Promise<void> = Promise.resolve();
    await runImport(connection, inputs, {
      engine: await testEngine(),
      timeoutMs: 40_000,
      onFile: (index, update) => {
        states[index].push(update);
        if (index === 0 && update.state === 'failed')
          seen = storedPaths().then((paths) => {
            storedWhenLargeFailed = paths;
          });
      },
    });
    await seen;
    expect(states[0].at(-1)).toMatchObject({ state: 'failed', code: 'deadline' });
    expect(states[0].at(-1)?.reason).toMatch(/^large\.txt: not extracted within 40 s, .* while annotating$/);
    for (const s of states.slice(1))
      expect(s.map((u) => u.state)).toEqual(['reading', 'extracting', 'storing', 'done']);
    expect(storedWhenLargeFailed).toEqual([...good].sort());
  }, 120_000);

  it('keeps what it stored when the importer is killed while a large file is still being annotated', async () => {
    // The large file first, so that it is with the engine while the good ones are extracted and stored.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT, 'import', 'cli.ts'), large, ...good], {
      cwd: PROJECT,
      env: { ...process.env, CI: 'true' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 90_000;
    while ((await storedPaths()).length < good.length && Date.now() < deadline && child.exitCode === null)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(child.exitCode).toBeNull(); // still at the large file
    child.kill('SIGKILL');
    expect(await exited).toBeNull();
    expect(await storedPaths()).toEqual([...good].sort());
    // Each stored document whole: its mentions are there, the large file left nothing behind.
    const mentions = await rows<{ path: string; n: number }>(
      connection,
      'MATCH (d:Document) OPTIONAL MATCH (d)<-[m:MENTIONED_IN]-() RETURN d.path AS path, count(m) AS n ORDER BY path',
    );
    for (const m of mentions) expect(Number(m.n)).toBeGreaterThan(0);
    expect(err).not.toMatch(/large\.txt: ok/);
  }, 150_000);
});
