/**
 * GEXF 1.3 writer. graphology-gexf has a writer, but it leaves list items that contain a comma
 * unquoted, so its own parser splits them ("a,b" comes back as two aliases); this one quotes every
 * `liststring` item. Names become labels, relation types edge labels; evidence and other structured
 * values are JSON text in string attributes because GEXF has no map type.
 */
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { escapeXml, isStringList, toScalar, valueType, widenType, type ScalarType } from './attributes';
import { Lines } from './lines';

type GexfType = 'boolean' | 'integer' | 'long' | 'double' | 'string' | 'liststring';

interface AttributeDeclaration {
  id: string;
  title: string;
  type: GexfType;
}

const GEXF_TYPE: Record<ScalarType, GexfType> = {
  boolean: 'boolean',
  int: 'integer',
  long: 'long',
  double: 'double',
  string: 'string',
};

function declare(elements: Iterable<Attributes>): AttributeDeclaration[] {
  const types = new Map<string, ScalarType | 'liststring'>();
  for (const attributes of elements) {
    for (const [name, value] of Object.entries(attributes)) {
      if (value === null || value === undefined) continue;
      const previous = types.get(name);
      if (previous === 'string') continue; // nothing widens a string: skip the list test
      if (isStringList(value) && (previous === undefined || previous === 'liststring')) {
        types.set(name, 'liststring');
        continue;
      }
      types.set(name, previous === 'liststring' ? 'string' : widenType(previous, valueType(value)));
    }
  }
  return [...types].map(([title, type], index) => ({
    id: String(index),
    title,
    type: type === 'liststring' ? type : GEXF_TYPE[type],
  }));
}

function formatValue(type: GexfType, value: unknown): string {
  if (type === 'liststring') return `[${(value as string[]).map((item) => JSON.stringify(item)).join(', ')}]`;
  return String(toScalar(value));
}

function writeDeclarations(out: Lines, cls: 'node' | 'edge', declarations: AttributeDeclaration[]): void {
  out.push(`<attributes class="${cls}">`);
  for (const d of declarations) out.push(`<attribute id="${d.id}" title="${escapeXml(d.title)}" type="${d.type}"/>`);
  out.push('</attributes>');
}

function writeValues(out: Lines, declarations: AttributeDeclaration[], attributes: Attributes): void {
  const values: string[] = [];
  for (const d of declarations) {
    const value = attributes[d.title];
    if (value === null || value === undefined) continue;
    values.push(`<attvalue for="${d.id}" value="${escapeXml(formatValue(d.type, value))}"/>`);
  }
  if (values.length > 0) out.push('<attvalues>', ...values, '</attvalues>');
}

export function writeGexf(graph: Graph, options: { now?: Date } = {}): string {
  const nodeAttributes = declare(graph.mapNodes((_node, attributes) => attributes));
  const edgeAttributes = declare(graph.mapEdges((_edge, attributes) => attributes));
  const date = (options.now ?? new Date()).toISOString().slice(0, 10);
  const out = new Lines('\n');
  out.push(
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `<meta lastmodifieddate="${date}"><creator>Dossier</creator></meta>`,
    `<graph defaultedgetype="${graph.type === 'undirected' ? 'undirected' : 'directed'}" mode="static">`,
  );
  writeDeclarations(out, 'node', nodeAttributes);
  writeDeclarations(out, 'edge', edgeAttributes);
  out.push('<nodes>');
  graph.forEachNode((node, attributes) => {
    out.push(`<node id="${escapeXml(node)}" label="${escapeXml(String(attributes.name ?? node))}">`);
    writeValues(out, nodeAttributes, attributes);
    out.push('</node>');
  });
  out.push('</nodes>', '<edges>');
  graph.forEachEdge((edge, attributes, source, target, _sa, _ta, undirected) => {
    const type = graph.type === 'mixed' ? ` type="${undirected ? 'undirected' : 'directed'}"` : '';
    const label = typeof attributes.type === 'string' ? ` label="${escapeXml(attributes.type)}"` : '';
    out.push(
      `<edge id="${escapeXml(edge)}" source="${escapeXml(source)}" target="${escapeXml(target)}"${type}${label}>`,
    );
    writeValues(out, edgeAttributes, attributes);
    out.push('</edge>');
  });
  out.push('</edges>', '</graph>', '</gexf>', '');
  return out.toString();
}
