/**
 * The lasso's geometry: the path the mouse drew, thinned to points a few pixels apart, closed into a polygon,
 * and which points lie inside it (even-odd rule, so a path that crosses itself selects what a person sees
 * enclosed). Pure; the graph view feeds it viewport pixels.
 */
export interface Point {
  x: number;
  y: number;
}

/** Points closer than this to the last one kept add nothing but work to the test of every node. */
export const LASSO_STEP = 3;

/** Adds a point to the path unless it is within `step` pixels of the last one. */
export function extendPath(path: readonly Point[], point: Point, step = LASSO_STEP): Point[] {
  const last = path.at(-1);
  if (last && Math.hypot(point.x - last.x, point.y - last.y) < step) return [...path];
  return [...path, point];
}

/** A path too small to enclose anything is a shift-click, not a lasso. */
export function enclosesAnything(path: readonly Point[]): boolean {
  if (path.length < 3) return false;
  const xs = path.map((p) => p.x);
  const ys = path.map((p) => p.y);
  return Math.max(...xs) - Math.min(...xs) >= LASSO_STEP && Math.max(...ys) - Math.min(...ys) >= LASSO_STEP;
}

/** Even-odd ray casting: inside when a ray to the right crosses the closed path an odd number of times. */
export function insidePolygon(point: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i];
    const b = polygon[j];
    if (a.y > point.y !== b.y > point.y && point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x)
      inside = !inside;
  }
  return inside;
}
