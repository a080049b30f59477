/**
 * The analyst's ForceAtlas2 settings (gravity, scaling, LinLog, Barnes-Hut) and whether noverlap runs
 * after it. Pure: producers and the ForceAtlas2 options they give for a graph of a given size.
 */
export interface LayoutSettings {
  gravity: number;
  scalingRatio: number;
  linLogMode: boolean;
  /** Barnes-Hut approximation: 'auto' turns it on above 400 nodes, where exact repulsion gets slow. */
  barnesHut: 'auto' | 'on' | 'off';
  noverlap: boolean;
}

export const DEFAULT_LAYOUT_SETTINGS: LayoutSettings = {
  gravity: 0.6,
  scalingRatio: 12,
  linLogMode: false,
  barnesHut: 'auto',
  noverlap: true,
};

export const BARNES_HUT_FROM = 400;

export const setLayoutSettings =
  (change: Partial<LayoutSettings>) =>
  (state: LayoutSettings): LayoutSettings => ({ ...state, ...change });

/** The options graphology's ForceAtlas2 takes, over the ones it infers for the graph. */
export function forceAtlas2Options(settings: LayoutSettings, order: number): Record<string, number | boolean> {
  return {
    gravity: settings.gravity,
    scalingRatio: settings.scalingRatio,
    linLogMode: settings.linLogMode,
    barnesHutOptimize: settings.barnesHut === 'on' || (settings.barnesHut === 'auto' && order > BARNES_HUT_FROM),
    adjustSizes: false,
  };
}

/** The layouts besides ForceAtlas2: on a circle, or circles packed by type or by community. */
export type ShapeLayout = 'circular' | 'circlepack-type' | 'circlepack-community';
