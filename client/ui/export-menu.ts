/**
 * Export of the view or the selection: GEXF, GraphML, JSON, CSV and Cypher come from the server
 * (POST /api/export with the node ids and how each is drawn: position, colour, size); pictures of the canvas
 * (PNG at 1×, 2× or 4×, and SVG, with an optional title and legend) are drawn here (export/picture-export.ts).
 */
import { EXPORT_FORMATS, type ExportFormat, type NodeView } from '../../graph/model/api-types';
import type { DossierApp } from '../app';
import { plainMessage } from '../api/api-error';
import {
  PICTURE_SCALES,
  currentDrawing,
  currentLegend,
  pngPicture,
  svgMeasure,
  type PictureScale,
} from '../export/picture-export';
import { svgPicture } from '../export/svg-picture';
import { button, downloadBlob, el } from './dom';

const FORMAT_LABELS: Record<ExportFormat, string> = {
  gexf: 'GEXF (Gephi)',
  graphml: 'GraphML',
  json: 'JSON',
  csv: 'CSV (nodes and edges, zip)',
  cypher: 'Cypher (CREATE script)',
};

export function createExportMenu(app: DossierApp): HTMLElement {
  const scope = el('select', { attrs: { 'aria-label': 'What to export' } }, [
    el('option', { text: 'The view', attrs: { value: 'view' } }),
    el('option', { text: 'The selection', attrs: { value: 'selection' } }),
  ]);
  const menu = el('div', { className: 'menu', attrs: { role: 'menu' } });
  menu.hidden = true;
  const toggle = button(
    'Export ▾',
    () => {
      menu.hidden = !menu.hidden;
    },
    { title: 'Export the view or the selection', attrs: { 'aria-haspopup': 'menu' } },
  );

  function ids(): string[] | null {
    const chosen = scope.value === 'selection' ? app.selectionNodeIds() : app.visibleNodeIds();
    if (!chosen.length) {
      app.notify(
        scope.value === 'selection'
          ? 'Select a node or an edge first: the selection is it and its neighbours.'
          : 'The view is empty: nothing to export.',
        'error',
      );
      return null;
    }
    return chosen;
  }

  /** Positions as laid out on screen, colours by type and sizes by degree, as the view graph holds them. */
  function drawn(nodeIds: string[]): Record<string, NodeView> {
    const view: Record<string, NodeView> = {};
    for (const id of nodeIds) {
      if (!app.graph.hasNode(id)) continue;
      const { x, y, color, size } = app.graph.getNodeAttributes(id);
      view[id] = { x, y, color, size };
    }
    return view;
  }

  async function exportAs(format: ExportFormat): Promise<void> {
    menu.hidden = true;
    const nodeIds = ids();
    if (!nodeIds) return;
    try {
      const { blob, fileName } = await app.api.exportFile(format, { nodeIds, view: drawn(nodeIds) });
      downloadBlob(blob, fileName);
      app.notify(`Exported ${nodeIds.length} nodes as ${FORMAT_LABELS[format]}.`);
    } catch (error) {
      app.notify(plainMessage(error), 'error');
    }
  }

  const title = el('input', {
    attrs: { type: 'text', placeholder: 'Title (optional)', 'aria-label': 'Title of the picture', maxlength: '120' },
  });
  const withLegend = el('input', { attrs: { type: 'checkbox', 'aria-label': 'Legend in the picture' } });
  withLegend.checked = true;
  const pictureOptions = () => ({ title: title.value.trim() || undefined, legend: withLegend.checked });

  async function exportPng(scale: PictureScale): Promise<void> {
    menu.hidden = true;
    try {
      const blob = await pngPicture(app, scale, pictureOptions());
      downloadBlob(blob, `dossier-graph${scale > 1 ? `@${scale}x` : ''}.png`);
      app.notify(`Saved the picture as PNG${scale > 1 ? ` at ${scale}×` : ''}.`);
    } catch (error) {
      app.notify(`The picture could not be made: ${error instanceof Error ? error.message : String(error)}`, 'error');
    }
  }

  function exportSvg(): void {
    menu.hidden = true;
    const options = pictureOptions();
    const svg = svgPicture(currentDrawing(app), {
      title: options.title,
      legend: options.legend ? currentLegend(app) : undefined,
      measure: svgMeasure(app),
    });
    downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), 'dossier-graph.svg');
    app.notify('Saved the picture as SVG.');
  }

  menu.append(
    el('label', { className: 'menu-scope' }, [el('span', { text: 'Export ' }), scope]),
    ...EXPORT_FORMATS.map((format) =>
      button(FORMAT_LABELS[format], () => void exportAs(format), { attrs: { role: 'menuitem' }, dataset: { format } }),
    ),
    el('div', { className: 'menu-picture' }, [
      el('span', { className: 'hint small', text: 'Pictures of the canvas' }),
      title,
      el('label', {}, [withLegend, el('span', { text: ' Legend' })]),
    ]),
    ...PICTURE_SCALES.map((scale) =>
      button(scale === 1 ? 'PNG (screen size)' : `PNG ${scale}×`, () => void exportPng(scale), {
        attrs: { role: 'menuitem' },
        dataset: { format: scale === 1 ? 'png' : `png-${scale}` },
      }),
    ),
    button('SVG', () => exportSvg(), { attrs: { role: 'menuitem' }, dataset: { format: 'svg' } }),
  );
  const element = el('div', { className: 'export' }, [toggle, menu]);
  document.addEventListener('click', (event) => {
    if (!element.contains(event.target as Node)) menu.hidden = true;
  });
  return element;
}
