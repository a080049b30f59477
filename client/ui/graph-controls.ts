/**
 * Controls drawn over the canvas, bottom right: the layouts (ForceAtlas2 with its settings and noverlap,
 * circular, circle packing by type or community), size and colour by (degree, PageRank, betweenness;
 * type or Louvain community) with the legend of what they show, and the label density. Marked as a
 * label obstacle, so the label layout never puts a label under it.
 */
import type { DossierApp } from '../app';
import { appearanceLegend, formatMetricValue, setColourBy, setSizeBy } from '../appearance/appearance-state';
import { METRICS, METRIC_LABELS, type Metric } from '../metrics/compute-metrics';
import { setLayoutSettings, type LayoutSettings } from '../layout/layout-settings';
import { button, clear, el } from './dom';

type ControlsApp = Pick<
  DossierApp,
  'graphView' | 'appearance' | 'metrics' | 'layoutSettings' | 'settleLayout' | 'shapeLayout'
>;

function layoutControls(app: ControlsApp): HTMLElement {
  const settings = app.layoutSettings;
  const update = (change: Partial<LayoutSettings>) => settings.update(setLayoutSettings(change));
  const number = (label: string, key: 'gravity' | 'scalingRatio', min: number, max: number, step: number) => {
    const input = el('input', {
      attrs: { type: 'number', min: String(min), max: String(max), step: String(step), 'aria-label': label },
    });
    input.value = String(settings.get()[key]);
    input.addEventListener('change', () => {
      const value = Number(input.value);
      if (Number.isFinite(value) && value >= min && value <= max) update({ [key]: value });
      else input.value = String(settings.get()[key]); // out of range: back to the setting in force
    });
    return el('label', { className: 'graph-control' }, [el('span', { text: label }), input]);
  };
  const box = (label: string, key: 'linLogMode' | 'noverlap') => {
    const input = el('input', { attrs: { type: 'checkbox', 'aria-label': label } });
    input.checked = settings.get()[key];
    input.addEventListener('change', () => update({ [key]: input.checked }));
    return el('label', { className: 'graph-control' }, [input, el('span', { text: label })]);
  };
  const barnesHut = el('select', { attrs: { 'aria-label': 'Barnes-Hut approximation' } });
  for (const [value, text] of [
    ['auto', 'auto (above 400 nodes)'],
    ['on', 'on'],
    ['off', 'off'],
  ]) {
    const option = el('option', { text });
    option.value = value;
    barnesHut.append(option);
  }
  barnesHut.value = settings.get().barnesHut;
  barnesHut.addEventListener('change', () => update({ barnesHut: barnesHut.value as LayoutSettings['barnesHut'] }));
  return el('details', { className: 'layout-controls' }, [
    el('summary', { text: 'Layout' }),
    el('div', { className: 'layout-settings' }, [
      number('Gravity', 'gravity', 0, 20, 0.1),
      number('Scaling', 'scalingRatio', 0.1, 200, 1),
      box('LinLog', 'linLogMode'),
      el('label', { className: 'graph-control' }, [el('span', { text: 'Barnes-Hut' }), barnesHut]),
      box('Remove overlaps after', 'noverlap'),
      el('div', { className: 'layout-buttons' }, [
        button('ForceAtlas2', () => void app.settleLayout('ForceAtlas2'), { className: 'small' }),
        button('Circle', () => void app.shapeLayout('circular'), { className: 'small' }),
        button('Pack by type', () => void app.shapeLayout('circlepack-type'), { className: 'small' }),
        button('Pack by community', () => void app.shapeLayout('circlepack-community'), { className: 'small' }),
      ]),
    ]),
  ]);
}

export function createGraphControls(app: ControlsApp): HTMLElement {
  const density = el('input', {
    className: 'label-density',
    attrs: {
      type: 'range',
      min: '0',
      max: '100',
      step: '5',
      'aria-label': 'Label density',
      title: 'How many labels besides the selection, the hovered neighbourhood and the hubs',
    },
  });
  density.value = String(Math.round(app.graphView.labelDensity() * 100));
  density.addEventListener('input', () => app.graphView.setLabelDensity(Number(density.value) / 100));

  const sizeBy = el('select', { attrs: { 'aria-label': 'Size nodes by' } });
  for (const metric of METRICS) {
    const option = el('option', { text: METRIC_LABELS[metric] });
    option.value = metric;
    sizeBy.append(option);
  }
  sizeBy.addEventListener('change', () => app.appearance.update(setSizeBy(sizeBy.value as Metric)));
  const colourBy = el('select', { attrs: { 'aria-label': 'Colour nodes by' } });
  for (const [value, text] of [
    ['type', 'Type'],
    ['community', 'Community (Louvain)'],
  ]) {
    const option = el('option', { text });
    option.value = value;
    colourBy.append(option);
  }
  colourBy.addEventListener('change', () =>
    app.appearance.update(setColourBy(colourBy.value === 'community' ? 'community' : 'type')),
  );
  const legend = el('div', {
    className: 'metric-legend',
    attrs: { 'aria-label': 'Metric legend', 'aria-live': 'polite' },
  });

  function render(): void {
    const look = app.appearance.get();
    const state = app.metrics.get();
    sizeBy.value = look.sizeBy;
    colourBy.value = look.colourBy;
    clear(legend);
    if (look.sizeBy === 'degree' && look.colourBy === 'type') return;
    if (state.status === 'computing' && !state.result) legend.append(el('p', { text: 'Computing…' }));
    if (state.status === 'error' || state.message)
      legend.append(
        el('p', { className: state.status === 'error' ? 'error-text' : 'hint', text: state.message ?? '' }),
      );
    const { size, communities } = appearanceLegend(look, state.result);
    if (size)
      legend.append(
        el('p', {
          className: 'metric-range',
          text: `Size: ${METRIC_LABELS[look.sizeBy]} from ${formatMetricValue(size.min)} to ${formatMetricValue(size.max)}`,
        }),
      );
    if (communities.length) {
      legend.append(
        el(
          'ul',
          { className: 'community-legend' },
          communities.map((c) => {
            const swatch = el('span', { className: 'swatch round' });
            swatch.style.backgroundColor = c.colour;
            return el('li', {}, [
              swatch,
              el('span', { text: c.label }),
              el('span', { className: 'count', text: String(c.count) }),
            ]);
          }),
        ),
      );
    }
  }
  app.appearance.subscribe(render);
  app.metrics.subscribe(render);
  render();

  return el('div', { className: 'graph-controls', dataset: { labelObstacle: '' } }, [
    layoutControls(app),
    legend,
    el('div', { className: 'graph-control-row' }, [
      el('label', { className: 'graph-control' }, [el('span', { text: 'Size' }), sizeBy]),
      el('label', { className: 'graph-control' }, [el('span', { text: 'Colour' }), colourBy]),
      el('label', { className: 'graph-control' }, [el('span', { text: 'Labels' }), density]),
    ]),
  ]);
}
