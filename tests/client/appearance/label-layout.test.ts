import {
  boxesOverlap,
  densityGap,
  hubCount,
  labelBox,
  labelOrder,
  placeLabels,
  topHubs,
  type LabelCandidate,
} from '../../../client/appearance/label-layout';

const bounds = { width: 400, height: 300 };
const candidate = (id: string, x: number, y: number, required = true, width = 60): LabelCandidate => ({
  id,
  x,
  y,
  size: 6,
  width,
  required,
});

describe('the label layout', () => {
  it('puts a lone label on the right of its node, where sigma draws it', () => {
    const placed = placeLabels([candidate('a', 100, 100)], { labelSize: 13, gap: 4, bounds });
    expect(placed.get('a')?.placement).toBe('right');
    expect(placed.get('a')?.box.x0).toBeGreaterThan(106);
  });

  it('moves a second label to another side rather than drawing it over the first', () => {
    const placed = placeLabels([candidate('a', 100, 100), candidate('b', 104, 100)], { labelSize: 13, gap: 4, bounds });
    expect(placed.size).toBe(2);
    expect(placed.get('b')?.placement).not.toBe('right');
    expect(boxesOverlap(placed.get('a')!.box, placed.get('b')!.box)).toBe(false);
  });

  it('never lets two labels overlap, however crowded', () => {
    const crowd = Array.from({ length: 200 }, (_, i) => candidate(`n${i}`, 150 + (i % 20) * 3, 120 + i * 0.3, i < 30));
    const placed = [...placeLabels(crowd, { labelSize: 13, gap: 0, bounds }).values()];
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) expect(boxesOverlap(placed[i].box, placed[j].box)).toBe(false);
  });

  it('keeps an optional label inside the canvas or leaves it out, and flips a required one inwards', () => {
    const placed = placeLabels([candidate('edge', 390, 100, false), candidate('must', 395, 150, true)], {
      labelSize: 13,
      gap: 4,
      bounds,
    });
    expect(placed.has('edge')).toBe(true);
    expect(placed.get('edge')!.box.x1).toBeLessThanOrEqual(400);
    expect(placed.get('must')!.box.x1).toBeLessThanOrEqual(400);
  });

  it('leaves out an optional label that no side can hold, and never covers an obstacle', () => {
    const obstacle = { x0: 0, y0: 0, x1: 400, y1: 300 };
    const placed = placeLabels([candidate('a', 100, 100, false)], {
      labelSize: 13,
      gap: 4,
      bounds,
      obstacles: [obstacle],
    });
    expect(placed.size).toBe(0);
  });

  it('keeps more space around optional labels at a low density than at a high one', () => {
    expect(densityGap(0)).toBeGreaterThan(densityGap(0.5));
    expect(densityGap(0.5)).toBeGreaterThan(densityGap(1));
  });

  it('places the selection, then the hovered node, its neighbours and the hubs, before the rest by size', () => {
    const nodes = ['small', 'hub', 'neighbour', 'hovered', 'selected', 'big'].map((id, i) => ({ id, size: i + 1 }));
    const order = labelOrder({
      nodes,
      selected: new Set(['selected']),
      hovered: 'hovered',
      hoverNeighbours: new Set(['neighbour']),
      emphasised: new Set(),
      hubs: new Set(['hub']),
      zoomedIn: false,
      eligible: (id) => id !== 'small',
      density: 0.5,
    });
    expect(order.map((o) => o.id)).toEqual(['selected', 'hovered', 'neighbour', 'hub', 'big']);
    expect(order.find((o) => o.id === 'big')?.required).toBe(false);
  });

  it('offers no optional label at density zero, and requires every node once zoomed in', () => {
    const nodes = [{ id: 'a', size: 3 }];
    const base = {
      nodes,
      selected: new Set<string>(),
      hovered: null,
      hoverNeighbours: new Set<string>(),
      emphasised: new Set<string>(),
      hubs: new Set<string>(),
      eligible: () => true,
    };
    expect(labelOrder({ ...base, zoomedIn: false, density: 0 })).toEqual([]);
    expect(labelOrder({ ...base, zoomedIn: true, density: 0 })).toEqual([{ id: 'a', required: true }]);
  });

  it('counts as hubs the largest nodes, between 5 and 20 of them', () => {
    expect(hubCount(10)).toBe(5);
    expect(hubCount(150)).toBe(13);
    expect(hubCount(5000)).toBe(20);
    expect([
      ...topHubs(
        [
          { id: 'a', size: 1 },
          { id: 'b', size: 9 },
          { id: 'c', size: 5 },
        ],
        2,
      ),
    ]).toEqual(['b', 'c']);
  });

  it('gives every placement a box beside the node that does not cover its centre', () => {
    for (const placement of ['right', 'left', 'below', 'above', 'above-right', 'left-low'] as const) {
      const box = labelBox(placement, { x: 0, y: 0, size: 5 }, 40, 13);
      expect(box.x0 <= 0 && box.x1 >= 0 && box.y0 <= 0 && box.y1 >= 0).toBe(false);
    }
  });
});
