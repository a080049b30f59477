import { canRedo, canUndo, emptyHistory, record, redo, undo } from '../../../client/history/history';

describe('undo and redo', () => {
  it('undoes the last action and redoes it', () => {
    let state = record({ label: 'Expand A', before: 1, after: 2 })(emptyHistory<number>());
    state = record({ label: 'Hide B', before: 2, after: 3 })(state);
    const undone = undo(state)!;
    expect(undone.entry.before).toBe(2);
    expect(canRedo(undone.state)).toBe(true);
    const redone = redo(undone.state)!;
    expect(redone.entry.after).toBe(3);
    expect(redone.state.past).toHaveLength(2);
  });

  it('forgets what was undone once a new action is recorded', () => {
    let state = record({ label: 'a', before: 0, after: 1 })(emptyHistory<number>());
    state = undo(state)!.state;
    state = record({ label: 'b', before: 0, after: 5 })(state);
    expect(canRedo(state)).toBe(false);
    expect(state.past.map((e) => e.label)).toEqual(['b']);
  });

  it('answers null when there is nothing to undo or redo', () => {
    expect(undo(emptyHistory())).toBeNull();
    expect(redo(emptyHistory())).toBeNull();
    expect(canUndo(emptyHistory())).toBe(false);
  });

  it('keeps at most the limit of entries, dropping the oldest', () => {
    let state = emptyHistory<number>();
    for (let i = 0; i < 5; i++) state = record({ label: String(i), before: i, after: i + 1 }, 3)(state);
    expect(state.past.map((e) => e.label)).toEqual(['2', '3', '4']);
  });
});
