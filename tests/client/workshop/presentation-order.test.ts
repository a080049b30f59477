import type { SavedView } from '../../../graph/workshop/types';
import { clampStep, moveInOrder, presentedViews, toggleInOrder } from '../../../client/workshop/presentation-order';

const view = (id: string, createdAt: string) => ({ id, createdAt, name: id }) as SavedView;

describe('the presentation order', () => {
  it('moves a view one place up or down, and not past either end', () => {
    expect(moveInOrder(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveInOrder(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
    expect(moveInOrder(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveInOrder(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
    expect(moveInOrder(['a'], 'x', 1)).toEqual(['a']);
  });

  it('adds a view at the end or takes it out', () => {
    expect(toggleInOrder(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleInOrder(['a', 'b'], 'a')).toEqual(['b']);
  });

  it("presents the server's order, skipping deleted views, else every view oldest first", () => {
    const views = [view('new', '2025-02-01'), view('old', '2025-01-01'), view('mid', '2025-01-15')];
    expect(presentedViews(['mid', 'gone', 'new'], views).map((v) => v.id)).toEqual(['mid', 'new']);
    expect(presentedViews([], views).map((v) => v.id)).toEqual(['old', 'mid', 'new']);
  });

  it('keeps the step within the presentation', () => {
    expect(clampStep(5, 3)).toBe(2);
    expect(clampStep(-1, 3)).toBe(0);
    expect(clampStep(1, 0)).toBe(0);
  });
});
