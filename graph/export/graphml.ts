/**
 * GraphML writer (graphology-graphml only parses). Every attribute gets a typed `<key>` declaration:
 * boolean, int, long, double or string, inferred from all of its values; lists and evidence are
 * JSON text in a string key because GraphML has no list type.
 */
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { escapeXml, toScalar, valueType, widenType, type ScalarType } from './attributes';
import { Lines } from './lines';

interface KeyDeclaration {
  id: string;
  name: string;
  type: ScalarType;
}

function declareKeys(prefix: string, elements: Iterable<Attributes>): KeyDeclaration[] {
  const types = new Map<string, ScalarType>();
  for (const attributes of elements) {
    for (const [name, value] of Object.entries(attributes)) {
      if (value === null || value === undefined) continue;
      const previous = types.get(name);
      if (previous !== 'string') types.set(name, widenType(previous, valueType(value)));
    }
  }
  return [...types].map(([name, type], index) => ({ id: `${prefix}${index}`, name, type }));
}

function writeData(out: Lines, keys: KeyDeclaration[], attributes: Attributes): void {
  for (const key of keys) {
    const scalar = toScalar(attributes[key.name]);
    if (scalar === null) continue;
    out.push(`<data key="${key.id}">${escapeXml(String(scalar))}</data>`);
  }
}

export function writeGraphml(graph: Graph): string {
  const nodeKeys = declareKeys(
    'n',
    graph.mapNodes((_node, attributes) => attributes),
  );
  const edgeKeys = declareKeys(
    'e',
    graph.mapEdges((_edge, attributes) => attributes),
  );
  const out = new Lines('\n');
  out.push(
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  );
  for (const key of nodeKeys)
    out.push(`<key id="${key.id}" for="node" attr.name="${escapeXml(key.name)}" attr.type="${key.type}"/>`);
  for (const key of edgeKeys)
    out.push(`<key id="${key.id}" for="edge" attr.name="${escapeXml(key.name)}" attr.type="${key.type}"/>`);
  out.push(`<graph id="G" edgedefault="${graph.type === 'undirected' ? 'undirected' : 'directed'}">`);
  graph.forEachNode((node, attributes) => {
    out.push(`<node id="${escapeXml(node)}">`);
    writeData(out, nodeKeys, attributes);
    out.push('</node>');
  });
  graph.forEachEdge((edge, attributes, source, target, _sa, _ta, undirected) => {
    const directed = graph.type === 'mixed' ? ` directed="${!undirected}"` : '';
    out.push(`<edge id="${escapeXml(edge)}" source="${escapeXml(source)}" target="${escapeXml(target)}"${directed}>`);
    writeData(out, edgeKeys, attributes);
    out.push('</edge>');
  });
  out.push('</graph>', '</graphml>', '');
  return out.toString();
}
