/**
 * The legend and title of an exported picture, PNG and SVG alike: what the colours mean (the node types in
 * view, or the communities when colouring by them) and what the sizes mean, laid out in CSS pixels of the
 * view so both exports draw it in the same place. Pure; the browser test reads the swatches' places from it.
 */
export interface LegendEntry {
  colour: string;
  label: string;
  count: number;
}

export interface PictureLegend {
  heading: string; // "Colour: type"
  entries: LegendEntry[];
  /** What node sizes say, e.g. "Size: PageRank 0.012–0.081". */
  sizeNote: string;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LegendLayout {
  box: Rect;
  heading: { x: number; y: number };
  rows: Array<{ swatch: Rect; colour: string; text: { x: number; y: number }; label: string }>;
  sizeNote: { x: number; y: number };
}

/** The band above the graph that holds a title, in CSS pixels (times the export scale in the file). */
export const TITLE_BAND = 40;
export const LEGEND_FONT_SIZE = 12;
const PAD = 10;
const ROW = 18;
const SWATCH = 11;
/** Beyond this many colours the legend would cover the graph; the rest are counted in one row. */
export const MAX_LEGEND_ROWS = 12;

export function legendRowsOf(entries: readonly LegendEntry[]): LegendEntry[] {
  if (entries.length <= MAX_LEGEND_ROWS) return [...entries];
  const shown = entries.slice(0, MAX_LEGEND_ROWS - 1);
  const rest = entries.slice(MAX_LEGEND_ROWS - 1).reduce((sum, e) => sum + e.count, 0);
  return [...shown, { colour: '#bab0ac', label: `${entries.length - shown.length} more`, count: rest }];
}

/**
 * The legend box in the bottom-left corner of the graph area (`top` is where that area starts: below the
 * title band when there is one). `measure` gives a text's width in CSS pixels at the legend's font.
 */
export function layoutLegend(
  legend: PictureLegend,
  area: { top: number; height: number },
  measure: (text: string) => number,
): LegendLayout {
  const rows = legendRowsOf(legend.entries).map((e) => ({ ...e, text: `${e.label} (${e.count})` }));
  const widest = Math.max(
    measure(legend.heading),
    measure(legend.sizeNote),
    ...rows.map((r) => SWATCH + 6 + measure(r.text)),
  );
  const width = Math.ceil(widest + 2 * PAD);
  const height = PAD + ROW * (rows.length + 2) + PAD / 2;
  const box = { x: PAD, y: area.top + area.height - height - PAD, width, height };
  const lineY = (i: number) => box.y + PAD + ROW * i + ROW / 2;
  return {
    box,
    heading: { x: box.x + PAD, y: lineY(0) },
    rows: rows.map((r, i) => ({
      swatch: { x: box.x + PAD, y: lineY(i + 1) - SWATCH / 2, width: SWATCH, height: SWATCH },
      colour: r.colour,
      text: { x: box.x + PAD + SWATCH + 6, y: lineY(i + 1) },
      label: r.text,
    })),
    sizeNote: { x: box.x + PAD, y: lineY(rows.length + 1) },
  };
}
