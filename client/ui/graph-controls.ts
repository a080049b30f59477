/**
 * Controls drawn over the canvas, bottom right: the label density. Marked as a label obstacle, so the
 * label layout never puts a label under it.
 */
import type { DossierApp } from '../app';
import { el } from './dom';

export function createGraphControls(app: Pick<DossierApp, 'graphView'>): HTMLElement {
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
  return el('div', { className: 'graph-controls', dataset: { labelObstacle: '' } }, [
    el('label', { className: 'graph-control' }, [el('span', { text: 'Labels' }), density]),
  ]);
}
