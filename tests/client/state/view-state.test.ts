import { createStore } from '../../../client/state/store';
import { INITIAL_VIEW, forgetMissing, hideNodes, hover, select } from '../../../client/state/view-state';

describe('the view store', () => {
  it('tells listeners about changes and not about no-ops', () => {
    const store = createStore(INITIAL_VIEW);
    const seen: string[] = [];
    store.subscribe((state) => seen.push(state.hovered ?? 'none'));
    store.update(hover('a'));
    store.update(hover('a'));
    store.update(select(null));
    expect(seen).toEqual(['a']);
  });

  it('clears the selection when the selected node is hidden', () => {
    const state = hideNodes(['a'])(select({ kind: 'node', id: 'a' })(INITIAL_VIEW));
    expect(state.selection).toBeNull();
    expect(state.hidden).toEqual(['a']);
  });

  it('forgets nodes and edges that are no longer loaded', () => {
    const before = { ...INITIAL_VIEW, hidden: ['a', 'b'], selection: { kind: 'edge' as const, id: 'e' }, hovered: 'a' };
    const after = forgetMissing(
      (id) => id === 'b',
      () => false,
    )(before);
    expect(after).toEqual({ ...INITIAL_VIEW, hidden: ['b'] });
  });
});
