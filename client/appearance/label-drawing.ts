/**
 * Sigma's label and hover drawers, placed where the label layout put each label (sigma's own always draw
 * on the right). Each drawn label's box is reported, so what the tests read is what the canvas shows.
 */
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import { labelBox, textOrigin, type Box, type LabelPlacement } from './label-layout';

export type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'> & {
  key?: string;
  labelPlacement?: LabelPlacement;
};

export function labelFont(settings: Pick<Settings, 'labelSize' | 'labelFont' | 'labelWeight'>): string {
  return `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
}

/** Text widths by label, measured once with the font sigma draws in. */
export function createLabelMeasure(font: string): (text: string) => number {
  const context = document.createElement('canvas').getContext('2d');
  const widths = new Map<string, number>();
  return (text) => {
    let width = widths.get(text);
    if (width === undefined) {
      if (context) context.font = font;
      width = context ? context.measureText(text).width : text.length * 7;
      widths.set(text, width);
    }
    return width;
  };
}

function boxOf(context: CanvasRenderingContext2D, data: LabelData, settings: Settings): Box {
  return labelBox(
    data.labelPlacement ?? 'right',
    data,
    context.measureText(data.label ?? '').width,
    settings.labelSize,
  );
}

function fillText(context: CanvasRenderingContext2D, data: LabelData, settings: Settings, box: Box): void {
  const color = settings.labelColor.attribute
    ? (data as Record<string, unknown>)[settings.labelColor.attribute] || settings.labelColor.color || '#000'
    : settings.labelColor.color;
  context.fillStyle = String(color);
  const origin = textOrigin(box, settings.labelSize);
  context.fillText(data.label ?? '', origin.x, origin.y);
}

/** A `defaultDrawNodeLabel` that draws at the placement and tells `onDrawn` the box it filled. */
export function createDrawLabel(onDrawn: (id: string, box: Box) => void) {
  return (context: CanvasRenderingContext2D, data: LabelData, settings: Settings): void => {
    if (!data.label) return;
    context.font = labelFont(settings);
    const box = boxOf(context, data, settings);
    fillText(context, data, settings, box);
    if (data.key) onDrawn(data.key, box);
  };
}

/** The hovered or highlighted node: a white halo around its disc and its label box, wherever that is. */
export function drawNodeHover(context: CanvasRenderingContext2D, data: LabelData, settings: Settings): void {
  context.font = labelFont(settings);
  context.fillStyle = '#FFF';
  context.shadowOffsetX = 0;
  context.shadowOffsetY = 0;
  context.shadowBlur = 8;
  context.shadowColor = '#000';
  const pad = 2;
  context.beginPath();
  context.arc(data.x, data.y, data.size + pad, 0, Math.PI * 2);
  context.closePath();
  context.fill();
  const box = data.label ? boxOf(context, data, settings) : null;
  if (box) context.fillRect(box.x0 - pad, box.y0 - pad, box.x1 - box.x0 + 2 * pad, box.y1 - box.y0 + 2 * pad);
  context.shadowBlur = 0;
  if (box) fillText(context, data, settings, box);
}
