/**
 * The left sidebar: the legend (each node type's colour and pictogram, with how many are shown) doubling
 * as the node-type filter, then relation types, the two timelines (timeline/timeline-panel.ts) and
 * documents. Filters change the filter store only; the reducers do the hiding. Counts are of what the
 * filters and hiding leave, with what is loaded beside them when that differs.
 */
import type { DocumentSummary } from '../../graph/model/api-types';
import { ENTITY_TYPES } from '../../graph/model/types';
import type { DossierApp } from '../app';
import { plainMessage } from '../api/api-error';
import { NODE_TYPE_STYLES, edgeColor, iconDataUrl, nodeTypeStyle, relationLabel } from '../appearance/node-style';
import { clearFilters, isFiltering, toggleDocument, toggleNodeType, toggleRelationType } from '../filters/filters';
import { visibleEdgeIds } from '../filters/filtered-view';
import { createTimelinePanel } from '../timeline/timeline-panel';
import { button, clear, el } from './dom';
import { redrawOnViewChange } from './redraw-on-view-change';

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

export function createSidebar(app: DossierApp): HTMLElement {
  const legend = el('ul', { className: 'legend' });
  const relations = el('ul', { className: 'filter-list' });
  const documentsList = el('ul', { className: 'filter-list documents' });
  const documentSearch = el('input', {
    className: 'filter-search',
    attrs: { type: 'search', placeholder: 'Filter documents…', 'aria-label': 'Filter the document list' },
  });
  const clearButton = button('Clear filters', () => app.filters.update(clearFilters()), { className: 'small' });
  let documents: DocumentSummary[] = [];
  let documentsError: string | null = null;

  const element = el('aside', { className: 'sidebar', attrs: { 'aria-label': 'Legend and filters' } }, [
    el('div', { className: 'sidebar-head' }, [el('h2', { text: 'Legend' }), clearButton]),
    el('p', { className: 'hint small', text: 'Untick a type to hide it.' }),
    legend,
    el('h3', { text: 'Relations' }),
    relations,
    el('h3', { text: 'Events over time' }),
    createTimelinePanel(app),
    el('h3', { text: 'Documents' }),
    documentSearch,
    documentsList,
  ]);

  function checkbox(checked: boolean, onChange: () => void, label: string): HTMLInputElement {
    const box = el('input', { attrs: { type: 'checkbox', 'aria-label': label } });
    box.checked = checked;
    box.addEventListener('change', onChange);
    return box;
  }

  /** "12" when everything loaded is shown, "3/12" when filters or hiding take some away. */
  function shownCount(shown: number, loaded: number, what: string): HTMLElement {
    return el('span', {
      className: 'count',
      text: shown === loaded ? String(loaded) : `${shown}/${loaded}`,
      title: `${shown} of ${loaded} ${what} shown`,
    });
  }

  function renderLegend(): void {
    const filters = app.filters.get();
    const counts = countBy(
      app.graph.mapNodes((_id, a) => a.data),
      (d) => d.type,
    );
    const visible = new Set(app.visibleNodeIds());
    const shown = countBy(
      app.graph.filterNodes((id) => visible.has(id)).map((id) => app.graph.getNodeAttribute(id, 'data')),
      (d) => d.type,
    );
    // Entity types always (so a filtered-out type can be ticked back); documents and query types when in view.
    const types = [...new Set([...ENTITY_TYPES, ...Object.keys(NODE_TYPE_STYLES), ...counts.keys()])].filter(
      (type) =>
        (ENTITY_TYPES as readonly string[]).includes(type) ||
        counts.has(type) ||
        filters.hiddenNodeTypes.includes(type),
    );
    clear(legend);
    for (const type of types) {
      const style = nodeTypeStyle(type);
      const icon = el('img', { className: 'legend-icon', attrs: { src: iconDataUrl(style.icon), alt: '' } });
      icon.style.backgroundColor = style.color;
      const visible = !filters.hiddenNodeTypes.includes(type);
      legend.append(
        el('li', { className: `legend-item${visible ? '' : ' off'}` }, [
          el('label', {}, [
            checkbox(visible, () => app.filters.update(toggleNodeType(type)), `Show ${type}`),
            icon,
            el('span', { className: 'legend-label', text: type }),
            shownCount(shown.get(type) ?? 0, counts.get(type) ?? 0, type),
          ]),
        ]),
      );
    }
  }

  function renderRelations(): void {
    const filters = app.filters.get();
    const counts = countBy(
      app.graph.mapEdges((_id, a) => a.data),
      (d) => d.type,
    );
    const shownEdges = visibleEdgeIds(app.graph, new Set(app.visibleNodeIds()), {
      ...filters,
      hiddenRelationTypes: [],
    });
    const shown = countBy(
      shownEdges.map((id) => app.graph.getEdgeAttribute(id, 'data')),
      (d) => d.type,
    );
    clear(relations);
    if (!counts.size) relations.append(el('li', { className: 'hint small', text: 'No relation in view.' }));
    for (const [type, count] of [...counts.entries()].sort((a, b) => b[1] - a[1])) {
      const swatch = el('span', { className: 'swatch' });
      swatch.style.backgroundColor = edgeColor(type);
      const visible = !filters.hiddenRelationTypes.includes(type);
      relations.append(
        el('li', { className: visible ? '' : 'off' }, [
          el('label', {}, [
            checkbox(visible, () => app.filters.update(toggleRelationType(type)), `Show ${relationLabel(type)}`),
            swatch,
            el('span', { className: 'legend-label', text: relationLabel(type) }),
            shownCount(visible ? (shown.get(type) ?? 0) : 0, count, relationLabel(type)),
          ]),
        ]),
      );
    }
  }

  function renderDocuments(): void {
    const filters = app.filters.get();
    clear(documentsList);
    if (documentsError) {
      documentsList.append(el('li', { className: 'error-text small', text: documentsError }));
      return;
    }
    const q = documentSearch.value.trim().toLowerCase();
    const shown = documents.filter((d) => !q || d.title.toLowerCase().includes(q)).slice(0, 200);
    for (const doc of shown) {
      const chosen = filters.documents.includes(doc.id);
      documentsList.append(
        el('li', { className: chosen ? 'chosen' : '' }, [
          el('label', { title: doc.title }, [
            checkbox(chosen, () => app.filters.update(toggleDocument(doc.id)), `Only entities in ${doc.title}`),
            el('span', { className: 'doc-title', text: doc.title }),
            doc.published ? el('span', { className: 'count', text: doc.published.slice(0, 10) }) : null,
          ]),
        ]),
      );
    }
    if (!documents.length)
      documentsList.append(el('li', { className: 'hint small', text: 'No document imported yet.' }));
  }

  function renderAll(): void {
    renderLegend();
    renderRelations();
    renderDocuments();
    clearButton.disabled = !isFiltering(app.filters.get());
  }

  redrawOnViewChange(app, renderAll);
  documentSearch.addEventListener('input', renderDocuments);

  async function loadDocuments(): Promise<void> {
    try {
      documents = (await app.api.documents()).sort(
        (a, b) => (b.published ?? '').localeCompare(a.published ?? '') || a.title.localeCompare(b.title),
      );
      documentsError = null;
    } catch (error) {
      documentsError = plainMessage(error);
    }
    renderDocuments();
  }
  void loadDocuments();
  app.ui.subscribe((state, previous) => {
    if (state.documentsVersion !== previous.documentsVersion) void loadDocuments();
  });
  renderAll();
  return element;
}
