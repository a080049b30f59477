/**
 * Neo4j write throughput: the importer's `importDocuments` (storeDocuments: batches of documents per transaction,
 * one `UNWIND … MERGE` statement per batch, then the curations' replay, as every import) against Neo4j's own `LOAD CSV` of the same rows, into the same
 * embedded database, emptied before each pass. The embedded Neo4j forbids file URLs, so the CSV files are
 * served over HTTP on 127.0.0.1 by this process.
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ExtractedDocument } from '../../graph/model/types';
import type { Neo4jConnection } from '../../graph/neo4j/connection';
import { importDocuments } from '../../graph/neo4j/document-changes';
import { LIST_SEPARATOR, writeCsvPlan, type CsvPlan } from './csv-rows';
import { inSession } from '../../graph/neo4j/transaction';

export interface WritePass {
  seconds: number;
  nodePhaseSeconds?: number;
  relationshipPhaseSeconds?: number;
  relationships: number;
  relationshipsByType: Record<string, number>;
  nodes: number;
}

async function serve(dir: string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const name = path.basename(decodeURIComponent(req.url ?? '/'));
    const file = path.join(dir, name);
    const stream = createReadStream(file);
    stream.on('error', () => {
      res.statusCode = 404;
      res.end();
    });
    stream.on('open', () => res.writeHead(200, { 'content-type': 'text/csv' }));
    stream.pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * Relationships first, then nodes, each in transactions of 10,000: detaching a hub with tens of thousands of
 * relationships inside one transaction of nodes exceeded the transaction memory limit at 3,000 documents.
 */
export async function emptyDatabase(connection: Neo4jConnection): Promise<void> {
  await inSession(connection, 'write', async (session) => {
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    await session.run('MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  });
}

export async function countGraph(
  connection: Neo4jConnection,
): Promise<{ nodes: number; relationships: number; relationshipsByType: Record<string, number> }> {
  return inSession(connection, 'read', async (session) => {
    const nodes = (await session.run('MATCH (n) RETURN count(n) AS c')).records[0].get('c').toNumber();
    const types = await session.run('MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS c');
    const relationshipsByType: Record<string, number> = {};
    for (const record of types.records) relationshipsByType[record.get('type') as string] = record.get('c').toNumber();
    return { nodes, relationships: Object.values(relationshipsByType).reduce((a, b) => a + b, 0), relationshipsByType };
  });
}

export async function importerPass(
  connection: Neo4jConnection,
  extracted: ExtractedDocument[],
  batchSize: number,
): Promise<WritePass> {
  await emptyDatabase(connection);
  const start = process.hrtime.bigint();
  const report = await importDocuments(connection, extracted, { batchSize });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (report.failed.length > 0)
    throw new Error(`write benchmark: ${report.failed.length} documents not stored: ${report.failed[0].message}`);
  return { seconds, ...(await countGraph(connection)) };
}

export interface CsvSource {
  plan: CsvPlan;
  base: string;
  close(): Promise<void>;
}

export async function prepareCsv(extracted: ExtractedDocument[]): Promise<CsvSource> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-csv-'));
  const plan = writeCsvPlan(dir, extracted);
  const { server, base } = await serve(dir);
  return {
    plan,
    base,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function loadCsvPass(connection: Neo4jConnection, source: CsvSource): Promise<WritePass> {
  await emptyDatabase(connection);
  const phases = { nodes: 0, relationships: 0 };
  await inSession(connection, 'write', async (session) => {
    for (const file of source.plan.files) {
      const start = process.hrtime.bigint();
      // CALL … IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeWrite.
      await session.run(
        `LOAD CSV WITH HEADERS FROM $url AS row CALL (row) { ${file.cypher} } IN TRANSACTIONS OF 5000 ROWS`,
        {
          url: `${source.base}/${file.name}`,
          sep: LIST_SEPARATOR,
        },
      );
      phases[file.phase] += Number(process.hrtime.bigint() - start) / 1e9;
    }
  });
  return {
    seconds: phases.nodes + phases.relationships,
    nodePhaseSeconds: phases.nodes,
    relationshipPhaseSeconds: phases.relationships,
    ...(await countGraph(connection)),
  };
}
