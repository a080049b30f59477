/**
 * graphology's own serialisation, streamed: the same text as `JSON.stringify(graph.export())`, which
 * `graph.import()` reads back as is, written one node and one edge at a time.
 */
import type Graph from 'graphology';
import type { ChunkedText } from './chunked-text';

const isEmpty = (attributes: object) => {
  for (const _key in attributes) return false;
  return true;
};

export async function writeGraphologyJson(graph: Graph, out: ChunkedText): Promise<void> {
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  out.write(`{"options":${JSON.stringify(options)},"attributes":${JSON.stringify(graph.getAttributes())},"nodes":[`);
  let first = true;
  for (const { node, attributes } of graph.nodeEntries()) {
    out.write(`${first ? '' : ','}${JSON.stringify(isEmpty(attributes) ? { key: node } : { key: node, attributes })}`);
    first = false;
    await out.flushIfFull();
  }
  out.write('],"edges":[');
  first = true;
  const mixed = graph.type === 'mixed';
  for (const { edge, attributes, source, target, undirected } of graph.edgeEntries()) {
    const serialized: Record<string, unknown> = { key: edge, source, target };
    if (!isEmpty(attributes)) serialized.attributes = attributes;
    if (mixed && undirected) serialized.undirected = true;
    out.write(`${first ? '' : ','}${JSON.stringify(serialized)}`);
    first = false;
    await out.flushIfFull();
  }
  out.write(']}');
  await out.flush();
}
