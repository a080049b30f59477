/**
 * GraphML writer, streamed (graphology-graphml only parses). Every attribute gets a typed `<key>`
 * declaration: boolean, int, long, double or string, inferred from all of its values; lists and evidence
 * are JSON text in a string key because GraphML has no list type. A node's view (view.ts) is written as the
 * attributes `x`, `y`, `size` and `color`, the names Gephi's GraphML import and graphology-graphml read.
 */
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import {
  edgeAttributes,
  escapeXml,
  escapeXmlInApostrophes,
  nodeAttributes,
  toScalar,
  valueType,
  widenType,
  type ScalarType,
} from './attributes';
import type { ChunkedText } from './chunked-text';

interface KeyDeclaration {
  id: string;
  name: string;
  type: ScalarType;
}

function declareKeys(prefix: string, elements: Iterable<Attributes>): KeyDeclaration[] {
  const types = new Map<string, ScalarType>();
  for (const attributes of elements) {
    for (const name in attributes) {
      const value = attributes[name];
      if (value === null || value === undefined) continue;
      const previous = types.get(name);
      if (previous !== 'string') types.set(name, widenType(previous, valueType(value)));
    }
  }
  return [...types].map(([name, type], index) => ({ id: `${prefix}${index}`, name, type }));
}

function data(keys: KeyDeclaration[], attributes: Attributes): string {
  let out = '';
  for (const key of keys) {
    const scalar = toScalar(attributes[key.name]);
    if (scalar === null) continue;
    // Element text: the double quotes of JSON values need no escaping there.
    out += `<data key="${key.id}">${escapeXmlInApostrophes(String(scalar))}</data>\n`;
  }
  return out;
}

export async function writeGraphml(graph: Graph, out: ChunkedText): Promise<void> {
  const nodeKeys = declareKeys('n', nodeAttributes(graph));
  const edgeKeys = declareKeys('e', edgeAttributes(graph));
  out.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
  );
  for (const key of nodeKeys)
    out.write(`<key id="${key.id}" for="node" attr.name="${escapeXml(key.name)}" attr.type="${key.type}"/>\n`);
  for (const key of edgeKeys)
    out.write(`<key id="${key.id}" for="edge" attr.name="${escapeXml(key.name)}" attr.type="${key.type}"/>\n`);
  out.write(`<graph id="G" edgedefault="${graph.type === 'undirected' ? 'undirected' : 'directed'}">\n`);
  for (const { node, attributes } of graph.nodeEntries()) {
    out.write(`<node id="${escapeXml(node)}">\n${data(nodeKeys, attributes)}</node>\n`);
    await out.flushIfFull();
  }
  const mixed = graph.type === 'mixed';
  for (const { edge, attributes, source, target, undirected } of graph.edgeEntries()) {
    const directed = mixed ? ` directed="${!undirected}"` : '';
    out.write(
      `<edge id="${escapeXml(edge)}" source="${escapeXml(source)}" target="${escapeXml(target)}"${directed}>\n` +
        `${data(edgeKeys, attributes)}</edge>\n`,
    );
    await out.flushIfFull();
  }
  out.write('</graph>\n</graphml>\n');
  await out.flush();
}
