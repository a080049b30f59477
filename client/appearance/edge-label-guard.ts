/**
 * Edge labels that never cover a node label or another edge label. Sigma draws edge labels after node
 * labels, straight ones rotated along the edge and curved ones glyph by glyph along the curve, and checks
 * none of them against anything. The guard runs each drawer once against a context that only records
 * where every `fillText` would land (the context's transform applied to the glyph's box), and lets it draw
 * for real only when none of those boxes meets a box already drawn in the frame. Geometry is pure.
 */
import type { Box } from './label-layout';

export interface Point {
  x: number;
  y: number;
}
/** A convex quadrilateral: a glyph box turned with its text. */
export type Quad = [Point, Point, Point, Point];

export function boxQuad(box: Box): Quad {
  return [
    { x: box.x0, y: box.y0 },
    { x: box.x1, y: box.y0 },
    { x: box.x1, y: box.y1 },
    { x: box.x0, y: box.y1 },
  ];
}

function project(quad: Quad, axis: Point): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const p of quad) {
    const d = p.x * axis.x + p.y * axis.y;
    min = Math.min(min, d);
    max = Math.max(max, d);
  }
  return [min, max];
}

/** Whether two convex quadrilaterals overlap (separating axis test on their edges' normals). */
export function quadsOverlap(a: Quad, b: Quad): boolean {
  for (const quad of [a, b]) {
    for (let i = 0; i < 4; i++) {
      const p = quad[i];
      const q = quad[(i + 1) % 4];
      const axis = { x: q.y - p.y, y: p.x - q.x };
      if (axis.x === 0 && axis.y === 0) continue;
      const [amin, amax] = project(a, axis);
      const [bmin, bmax] = project(b, axis);
      if (amax <= bmin || bmax <= amin) return false;
    }
  }
  return true;
}

export function quadBounds(quads: readonly Quad[]): Box {
  const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const quad of quads)
    for (const p of quad) {
      box.x0 = Math.min(box.x0, p.x);
      box.y0 = Math.min(box.y0, p.y);
      box.x1 = Math.max(box.x1, p.x);
      box.y1 = Math.max(box.y1, p.y);
    }
  return box;
}

/** The boxes a drawer's `fillText` calls would fill, in CSS pixels, without drawing anything. */
function recordText(
  context: CanvasRenderingContext2D,
  draw: (context: CanvasRenderingContext2D) => void,
  fontSize: number,
  pixelRatio: number,
): Quad[] {
  const quads: Quad[] = [];
  const recorder = (text: string, x: number, y: number) => {
    const width = context.measureText(text).width;
    const m = context.getTransform();
    const corners: Point[] = [
      { x, y: y - fontSize * 0.8 },
      { x: x + width, y: y - fontSize * 0.8 },
      { x: x + width, y: y + fontSize * 0.25 },
      { x, y: y + fontSize * 0.25 },
    ];
    quads.push(
      corners.map((p) => ({
        x: (m.a * p.x + m.c * p.y + m.e) / pixelRatio,
        y: (m.b * p.x + m.d * p.y + m.f) / pixelRatio,
      })) as Quad,
    );
  };
  const dry = new Proxy(context, {
    get(target, property) {
      if (property === 'fillText' || property === 'strokeText') return recorder;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    set(target, property, value) {
      return Reflect.set(target, property, value, target);
    },
  });
  context.save();
  try {
    draw(dry);
  } finally {
    context.restore();
  }
  return quads;
}

/** Wraps an edge label drawer: it draws only where its text meets no box already taken this frame. */
export function guardEdgeLabel<Args extends unknown[]>(
  draw: (context: CanvasRenderingContext2D, ...args: Args) => void,
  frame: { taken(): readonly Quad[]; take(id: string, quads: Quad[]): void; fontSize(): number },
  idOf: (...args: Args) => string,
) {
  return (context: CanvasRenderingContext2D, ...args: Args): void => {
    const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
    const quads = recordText(context, (dry) => draw(dry, ...args), frame.fontSize(), ratio);
    if (!quads.length) return;
    const bounds = boxQuad(quadBounds(quads));
    for (const other of frame.taken()) {
      if (!quadsOverlap(bounds, other)) continue;
      if (quads.some((q) => quadsOverlap(q, other))) return;
    }
    draw(context, ...args);
    frame.take(idOf(...args), quads);
  };
}
