import { createStore } from '../../../client/state/store';
import {
  INITIAL_VIEW,
  forgetMissing,
  hideNodes,
  hover,
  invertSelection,
  select,
  selectNodes,
  toggleSelected,
} from '../../../client/state/view-state';

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

describe('selecting several nodes', () => {
  it('adds a node with shift-click and takes it out again, the details following the last one added', () => {
    const one = select({ kind: 'node', id: 'a' })(INITIAL_VIEW);
    const two = toggleSelected('b')(one);
    expect(two.selectedNodes).toEqual(['a', 'b']);
    expect(two.selection).toEqual({ kind: 'node', id: 'b' });
    const back = toggleSelected('b')(two);
    expect(back.selectedNodes).toEqual(['a']);
    expect(back.selection).toEqual({ kind: 'node', id: 'a' });
  });

  it('selects a set, inverts it against what is visible, and forgets hidden or removed nodes', () => {
    const set = selectNodes(['a', 'b'])(INITIAL_VIEW);
    expect(set.selection).toBeNull();
    expect(invertSelection(['a', 'b', 'c', 'd'])(set).selectedNodes).toEqual(['c', 'd']);
    expect(hideNodes(['a'])(set).selectedNodes).toEqual(['b']);
    expect(
      forgetMissing(
        (id) => id !== 'b',
        () => true,
      )(set).selectedNodes,
    ).toEqual(['a']);
  });
});
