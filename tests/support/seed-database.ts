/**
 * Seeds the test database with the bundled corpus through the real importer: extraction with the
 * cross-document merge (import/extract.ts), then one transaction per document (store-document.ts).
 * The API tests and the browser tests both start from this state.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { extractWithEngine } from './engine';
import type { Neo4jConnection } from '../../graph/neo4j/connection';
import { storeDocument } from '../../graph/neo4j/store-document';
import { emptyDatabase } from './neo4j';

const PROJECT_DIR = path.resolve(__dirname, '..', '..');
export const CORPUS_DIR = path.join(PROJECT_DIR, 'data', 'corpus');

export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => path.join(CORPUS_DIR, name));
}

/** Empties the database and imports data/corpus/*.txt; throws if any document fails to import. */
export async function seedCorpus(connection: Neo4jConnection): Promise<void> {
  await emptyDatabase(connection);
  const { documents, failures } = await extractWithEngine(
    corpusFiles().map((file) => ({ path: file, displayPath: path.relative(PROJECT_DIR, file) })),
  );
  if (failures.length > 0) throw new Error(`seedCorpus: ${failures.map((f) => f.message).join('; ')}`);
  for (const document of documents) await storeDocument(connection, document);
}
