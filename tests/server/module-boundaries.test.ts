/**
 * Two boundaries the compiler does not see: the routers take their dependencies from app-deps.ts, never from
 * app.ts, which mounts them; and only graph/neo4j/transaction.ts opens Neo4j sessions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(folder, file));
}

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

describe('module boundaries', () => {
  it('has no router import app.ts', () => {
    const importers = sourceFiles('server/routes').filter((file) => /from '(\.\.\/)+app'/.test(read(file)));
    expect(importers).toEqual([]);
  });

  it('opens Neo4j sessions in transaction.ts alone', () => {
    const openers = ['graph', 'server', 'import', 'bench', 'tests']
      .flatMap(sourceFiles)
      .filter((file) => /\.session\(|\b(read|write)Session\(/.test(read(file)));
    // The classifier's own test opens sessions of a refused and a closed driver, to see the errors they raise.
    expect(openers).toEqual([
      path.join('graph', 'neo4j', 'transaction.ts'),
      path.join('tests', 'graph', 'neo4j', 'transaction.test.ts'),
    ]);
  });
});
