import { boxQuad, quadBounds, quadsOverlap, type Quad } from '../../../client/appearance/edge-label-guard';

const turned = (cx: number, cy: number, w: number, h: number, angle: number): Quad => {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [
    [-w / 2, -h / 2],
    [w / 2, -h / 2],
    [w / 2, h / 2],
    [-w / 2, h / 2],
  ].map(([x, y]) => ({ x: cx + x * c - y * s, y: cy + x * s + y * c })) as Quad;
};

describe('the edge label guard', () => {
  it('sees a turned label crossing a box, and not one that only shares its bounding box', () => {
    const box = boxQuad({ x0: 0, y0: 0, x1: 20, y1: 10 });
    expect(quadsOverlap(turned(10, 5, 40, 4, Math.PI / 4), box)).toBe(true);
    // A thin label along the diagonal, beside the box's corner: the bounding boxes meet, the shapes do not.
    const beside = turned(30, 4, 30, 3, Math.PI / 4);
    const b = quadBounds([beside]);
    expect(b.x0 < 20 && b.y1 > 0).toBe(true);
    expect(quadsOverlap(beside, box)).toBe(false);
  });

  it('takes boxes that only touch as apart', () => {
    expect(quadsOverlap(boxQuad({ x0: 0, y0: 0, x1: 10, y1: 10 }), boxQuad({ x0: 10, y0: 0, x1: 20, y1: 10 }))).toBe(
      false,
    );
  });
});
