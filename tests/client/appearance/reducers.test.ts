import {
  DIMMED_NODE_COLOR,
  edgeDisplay,
  emptyReducerContext,
  labelAllowed,
  nodeDisplay,
  type ReducerContext,
} from '../../../client/appearance/reducers';

const context = (overrides: Partial<ReducerContext> = {}): ReducerContext => ({
  ...emptyReducerContext(),
  ...overrides,
});

const attrs = { label: 'Shoigu', color: '#4e79a7', size: 10 };
const edgeAttrs = { label: 'met with', color: '#888', size: 1, data: { type: 'MET_WITH' } };

describe('the node reducer', () => {
  it('returns the attributes unchanged when nothing is hovered, selected or filtered', () => {
    expect(nodeDisplay('a', attrs, context())).toEqual(attrs);
  });

  it('does not mutate the attributes it is given', () => {
    const input = { ...attrs };
    nodeDisplay('b', input, context({ hovered: 'a' }));
    expect(input).toEqual(attrs);
  });

  it('hides nodes hidden by hand or by a filter', () => {
    expect(nodeDisplay('a', attrs, context({ hidden: new Set(['a']) })).hidden).toBe(true);
    expect(nodeDisplay('a', attrs, context({ filteredOutNodes: new Set(['a']) })).hidden).toBe(true);
  });

  it('highlights the hovered node and its neighbours and dims the rest', () => {
    const ctx = context({ hovered: 'a', hoverNeighbours: new Set(['b']) });
    expect(nodeDisplay('a', attrs, ctx).highlighted).toBe(true);
    expect(nodeDisplay('b', attrs, ctx).forceLabel).toBe(true);
    const far = nodeDisplay('c', attrs, ctx);
    expect(far.color).toBe(DIMMED_NODE_COLOR);
    expect(far.label).toBeNull();
  });

  it('keeps the selected node labelled and coloured even when dimmed by a hover', () => {
    const out = nodeDisplay('c', attrs, context({ hovered: 'a', selectedNode: 'c' }));
    expect(out.color).toBe(attrs.color);
    expect(out.forceLabel).toBe(true);
  });
});

describe('the edge reducer', () => {
  it('hides an edge whose end is hidden or whose relation type is filtered out', () => {
    expect(edgeDisplay('e', edgeAttrs, 'a', 'b', context({ hidden: new Set(['b']) })).hidden).toBe(true);
    expect(edgeDisplay('e', edgeAttrs, 'a', 'b', context({ hiddenRelationTypes: new Set(['MET_WITH']) })).hidden).toBe(
      true,
    );
  });

  it('shows edge labels only when zoomed in or around the hovered node', () => {
    expect(edgeDisplay('e', edgeAttrs, 'a', 'b', context()).label).toBeNull();
    expect(edgeDisplay('e', edgeAttrs, 'a', 'b', context({ zoomedIn: true })).label).toBe('met with');
    const hovered = edgeDisplay('e', edgeAttrs, 'a', 'b', context({ hovered: 'a' }));
    expect(hovered.label).toBe('met with');
    expect(hovered.forceLabel).toBe(true);
  });

  it('dims edges away from the hovered node', () => {
    const out = edgeDisplay('e', edgeAttrs, 'x', 'y', context({ hovered: 'a' }));
    expect(out.label).toBeNull();
    expect(out.color).not.toBe(edgeAttrs.color);
  });
});

describe('the node reducer and the label layout', () => {
  it('draws exactly the labels the layout placed, forced and on their side', () => {
    const labels = new Map([['a', { placement: 'left' as const }]]);
    const placed = nodeDisplay('a', attrs, context({ labels }));
    expect(placed).toMatchObject({ label: 'Shoigu', forceLabel: true, labelPlacement: 'left' });
    const left = nodeDisplay('b', attrs, context({ labels }));
    expect(left.label).toBeNull();
    expect(left.forceLabel).toBe(false);
  });

  it('allows no label on a node dimmed by a hover, but allows it on the selection', () => {
    const ctx = context({ hovered: 'a', hoverNeighbours: new Set(['b']), selectedNode: 'z' });
    expect(['a', 'b', 'c', 'z'].map((id) => labelAllowed(id, ctx))).toEqual([true, true, false, true]);
  });
});

describe('the reducers at the plain level of detail', () => {
  it('draw nodes as plain circles and edges as plain lines, hypotheses still dashed', () => {
    const plain = context({ detailed: false });
    expect(nodeDisplay('a', { ...attrs, type: 'pictogram' }, plain).type).toBe('circle');
    expect(edgeDisplay('e', { ...edgeAttrs, type: 'curved' }, 'a', 'b', plain).type).toBe('line');
    expect(edgeDisplay('e', { ...edgeAttrs, type: 'dashed' }, 'a', 'b', plain).type).toBe('dashed');
  });

  it('leave the programs alone when the view is detailed', () => {
    expect(nodeDisplay('a', { ...attrs, type: 'pictogram' }, context()).type).toBe('pictogram');
    expect(edgeDisplay('e', { ...edgeAttrs, type: 'curved' }, 'a', 'b', context()).type).toBe('curved');
  });
});
