import {
  DETAIL_ALWAYS_NODES,
  DETAIL_ON_SCREEN_NODES,
  Z_INDEX_NODE_LIMIT,
  showsDetail,
  usesZIndex,
} from '../../../client/appearance/level-of-detail';

describe('the level of detail', () => {
  it('draws a working view in full at every zoom', () => {
    expect(showsDetail(DETAIL_ALWAYS_NODES, 8)).toBe(true);
  });

  it('draws a larger view plainly seen whole, and in full once few enough of its nodes are on screen', () => {
    expect(showsDetail(1000, 1)).toBe(false);
    expect(showsDetail(1000, 0.4)).toBe(false); // about 160 nodes on screen
    expect(showsDetail(1000, Math.sqrt(DETAIL_ON_SCREEN_NODES / 1000))).toBe(true);
    expect(showsDetail(100_000, 0.03)).toBe(true);
  });

  it('sorts by z-index up to its node count only', () => {
    expect(usesZIndex(Z_INDEX_NODE_LIMIT)).toBe(true);
    expect(usesZIndex(Z_INDEX_NODE_LIMIT + 1)).toBe(false);
  });
});
