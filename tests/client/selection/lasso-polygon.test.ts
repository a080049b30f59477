import { enclosesAnything, extendPath, insidePolygon } from '../../../client/selection/lasso-polygon';

describe('the lasso', () => {
  // A "C" open to the right: its notch is inside the box around it but outside the lasso.
  const c = [
    { x: 0, y: 0 },
    { x: 30, y: 0 },
    { x: 30, y: 10 },
    { x: 10, y: 10 },
    { x: 10, y: 20 },
    { x: 30, y: 20 },
    { x: 30, y: 30 },
    { x: 0, y: 30 },
  ];

  it('holds what the outline encloses and not the notch a box would take', () => {
    expect(insidePolygon({ x: 5, y: 15 }, c)).toBe(true);
    expect(insidePolygon({ x: 20, y: 5 }, c)).toBe(true);
    expect(insidePolygon({ x: 20, y: 15 }, c)).toBe(false);
    expect(insidePolygon({ x: 40, y: 15 }, c)).toBe(false);
  });

  it('keeps points a few pixels apart and takes a tiny path for a click', () => {
    const path = extendPath(extendPath([{ x: 0, y: 0 }], { x: 1, y: 1 }), { x: 5, y: 0 });
    expect(path).toEqual([
      { x: 0, y: 0 },
      { x: 5, y: 0 },
    ]);
    expect(enclosesAnything(path)).toBe(false);
    expect(enclosesAnything(c)).toBe(true);
  });
});
