/**
 * Fit that frames labels too. Sigma's camera reset frames node centres only, so the labels of nodes on
 * the right edge ran under the side panel. Label text keeps its pixel size at every zoom and discs grow
 * with the square root of the zoom, so the camera is found by bisection on the ratio: the smallest ratio
 * at which every disc and every label (drawn on the right, sigma's default) lies inside the canvas minus
 * a margin, centred on what is drawn. Pure: positions come in viewport pixels at the reset camera.
 */
import { labelBox } from './label-layout';

export interface FitItem {
  x: number; // viewport pixels at the reset camera (ratio 1, centred)
  y: number;
  size: number; // the node's display size, scaled to pixels by `radiusAt`
  labelWidth: number; // 0 when the node has no label
}

export interface FitOptions {
  width: number;
  height: number;
  margin: number;
  labelSize: number;
  minRatio: number;
  maxRatio: number;
  radiusAt: (size: number, ratio: number) => number;
}

export interface FitResult {
  ratio: number;
  /** The point, in viewport pixels at the reset camera, to put at the centre of the canvas. */
  centre: { x: number; y: number };
}

interface Extent {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

function extentAt(items: readonly FitItem[], ratio: number, options: FitOptions): Extent {
  const extent = { x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity };
  for (const item of items) {
    const x = item.x / ratio;
    const y = item.y / ratio;
    const r = options.radiusAt(item.size, ratio);
    let x0 = x - r,
      x1 = x + r,
      y0 = y - r,
      y1 = y + r;
    if (item.labelWidth > 0) {
      const box = labelBox('right', { x, y, size: r }, item.labelWidth, options.labelSize);
      x0 = Math.min(x0, box.x0);
      x1 = Math.max(x1, box.x1);
      y0 = Math.min(y0, box.y0);
      y1 = Math.max(y1, box.y1);
    }
    extent.x0 = Math.min(extent.x0, x0);
    extent.x1 = Math.max(extent.x1, x1);
    extent.y0 = Math.min(extent.y0, y0);
    extent.y1 = Math.max(extent.y1, y1);
  }
  return extent;
}

export function fitCamera(items: readonly FitItem[], options: FitOptions): FitResult | null {
  if (!items.length) return null;
  const room = {
    w: Math.max(1, options.width - 2 * options.margin),
    h: Math.max(1, options.height - 2 * options.margin),
  };
  const fits = (ratio: number) => {
    const e = extentAt(items, ratio, options);
    return e.x1 - e.x0 <= room.w && e.y1 - e.y0 <= room.h;
  };
  let low = Math.log(options.minRatio);
  let high = Math.log(options.maxRatio);
  let ratio: number;
  if (fits(options.minRatio)) ratio = options.minRatio;
  else if (!fits(options.maxRatio)) ratio = options.maxRatio;
  else {
    for (let i = 0; i < 40; i++) {
      const mid = (low + high) / 2;
      if (fits(Math.exp(mid))) high = mid;
      else low = mid;
    }
    ratio = Math.exp(high);
  }
  const e = extentAt(items, ratio, options);
  return { ratio, centre: { x: ((e.x0 + e.x1) / 2) * ratio, y: ((e.y0 + e.y1) / 2) * ratio } };
}
