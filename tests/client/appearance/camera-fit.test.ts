import { fitCamera, type FitOptions } from '../../../client/appearance/camera-fit';

const options: FitOptions = {
  width: 800,
  height: 600,
  margin: 10,
  labelSize: 13,
  minRatio: 0.5,
  maxRatio: 8,
  radiusAt: (size, ratio) => size / Math.sqrt(ratio),
};

describe('fitting the camera', () => {
  it('zooms out far enough that a long label on the right edge stays inside the canvas', () => {
    const items = [
      { x: -380, y: 0, size: 5, labelWidth: 0 },
      { x: 380, y: 0, size: 5, labelWidth: 200 },
    ];
    const fit = fitCamera(items, options)!;
    expect(fit.ratio).toBeGreaterThan(1);
    // Right end of the label at that ratio, seen from the new centre, within half the canvas minus the margin.
    const rightEnd = (380 - fit.centre.x) / fit.ratio + 5 / Math.sqrt(fit.ratio) + 3 + 202;
    expect(rightEnd).toBeLessThanOrEqual(390 + 0.5);
    expect(fit.centre.x).toBeGreaterThan(0); // shifted towards the label
  });

  it('answers nothing for an empty graph and the closest ratio allowed for one node', () => {
    expect(fitCamera([], options)).toBeNull();
    expect(fitCamera([{ x: 0, y: 0, size: 5, labelWidth: 30 }], options)!.ratio).toBe(0.5);
  });
});
