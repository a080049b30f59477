import { ENTITY_TYPES } from '../../../graph/model/types';
import {
  MAX_LABEL_LENGTH,
  MAX_NODE_SIZE,
  MIN_NODE_SIZE,
  NODE_TYPE_STYLES,
  OTHER_NODE_STYLE,
  edgeColor,
  iconDataUrl,
  nodeLabel,
  nodeSize,
  nodeTypeStyle,
  relationLabel,
} from '../../../client/appearance/node-style';

describe('node and edge styles', () => {
  it('gives every entity type its own colour and pictogram', () => {
    const colors = ENTITY_TYPES.map((t) => nodeTypeStyle(t).color);
    expect(new Set(colors).size).toBe(ENTITY_TYPES.length);
    for (const type of ENTITY_TYPES) expect(NODE_TYPE_STYLES[type].icon).toMatch(/^M/);
  });

  it('falls back to a neutral style for a type a query returned', () => {
    expect(nodeTypeStyle('Unknown')).toBe(OTHER_NODE_STYLE);
  });

  it('makes icons self-contained SVG data URLs', () => {
    const url = iconDataUrl(NODE_TYPE_STYLES.Person.icon);
    expect(url.startsWith('data:image/svg+xml')).toBe(true);
    expect(decodeURIComponent(url)).toContain('viewBox="0 0 24 24"');
  });

  it('grows node size with degree between the bounds', () => {
    expect(nodeSize(0, 10)).toBe(MIN_NODE_SIZE);
    expect(nodeSize(10, 10)).toBeCloseTo(MAX_NODE_SIZE);
    expect(nodeSize(3, 10)).toBeGreaterThan(nodeSize(2, 10));
    expect(nodeSize(50, 10)).toBeCloseTo(MAX_NODE_SIZE);
  });

  it('tells hostile, friendly and co-occurrence edges apart', () => {
    expect(edgeColor('ATTACKED')).not.toBe(edgeColor('SUPPORTS'));
    expect(edgeColor('CO_OCCURS')).not.toBe(edgeColor('LOCATED_IN'));
    expect(relationLabel('PARTICIPATED_IN')).toBe('participated in');
  });
});

describe('node labels', () => {
  it('keeps short names whole and cuts long ones on a word with an ellipsis', () => {
    expect(nodeLabel('Sergei Shoigu')).toBe('Sergei Shoigu');
    const long = nodeLabel("Intelligence Service of Russia's visit to North Korea in the spring");
    expect(long.endsWith('…')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(MAX_LABEL_LENGTH);
    expect(long.startsWith('Intelligence Service of')).toBe(true);
  });
});
