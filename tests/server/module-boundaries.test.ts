/** Boundaries the compiler does not see: only graph/neo4j/transaction.ts opens Neo4j sessions. */
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
