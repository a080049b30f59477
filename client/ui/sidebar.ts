/**
 * The left sidebar: the legend (each node type's colour and pictogram, with how many are in view) doubling
 * as the node-type filter, then relation types, documents and the event timeline. Filters change the
 * filter store only; the reducers do the hiding.
 */
import type { DocumentSummary } from '../../graph/model/api-types';
import { ENTITY_TYPES } from '../../graph/model/types';
import type { DossierApp } from '../app';
import { plainMessage } from '../api/api-error';
import { NODE_TYPE_STYLES, edgeColor, iconDataUrl, nodeTypeStyle, relationLabel } from '../appearance/node-style';
import {
  clearFilters,
  dateHistogram,
  eventDate,
  isFiltering,
  setDateRange,
  toggleDocument,
  toggleNodeType,
  toggleRelationType,
} from '../filters/filters';
import { button, clear, el } from './dom';

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
  const timeline = el('div', { className: 'timeline' });
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
    timeline,
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

  function renderLegend(): void {
    const filters = app.filters.get();
    const counts = countBy(
      app.graph.mapNodes((_id, a) => a.data),
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
            el('span', { className: 'count', text: String(counts.get(type) ?? 0) }),
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
            el('span', { className: 'count', text: String(count) }),
          ]),
        ]),
      );
    }
  }

  function renderTimeline(): void {
    const filters = app.filters.get();
    const dates = app.graph.mapNodes((_id, a) => eventDate(a.data)).filter((d): d is string => d !== null);
    const { unit, bins } = dateHistogram(dates);
    clear(timeline);
    if (!bins.length) {
      timeline.append(el('p', { className: 'hint small', text: 'No dated event in view.' }));
      return;
    }
    const max = Math.max(...bins.map((b) => b.count), 1);
    const range = filters.dateRange;
    const inRange = (key: string) =>
      !range || (key >= range.from.slice(0, key.length) && key <= range.to.slice(0, key.length));
    const bars = el('div', {
      className: 'timeline-bars',
      attrs: { role: 'group', 'aria-label': 'Events per ' + unit },
    });
    bins.forEach((bin) => {
      const bar = el('button', {
        className: `timeline-bar${inRange(bin.key) ? '' : ' out'}`,
        title: `${bin.key}: ${bin.count} event${bin.count === 1 ? '' : 's'} (click to keep only this ${unit}, shift-click to extend)`,
        attrs: { type: 'button' },
      });
      bar.style.setProperty('--h', `${Math.max(bin.count ? 8 : 2, (bin.count / max) * 100)}%`);
      bar.addEventListener('click', (event) => {
        const current = app.filters.get().dateRange;
        if (event.shiftKey && current) {
          const from = bin.key < current.from ? bin.key : current.from;
          const to = bin.key > current.to ? bin.key : current.to;
          app.filters.update(setDateRange({ from, to }));
        } else if (current && current.from === bin.key && current.to === bin.key) {
          app.filters.update(setDateRange(null));
        } else {
          app.filters.update(setDateRange({ from: bin.key, to: bin.key }));
        }
      });
      bars.append(bar);
    });
    timeline.append(
      bars,
      el('div', { className: 'timeline-axis' }, [
        el('span', { text: bins[0].key }),
        el('span', { text: bins[bins.length - 1].key }),
      ]),
      el('p', { className: 'hint small' }, [
        range
          ? `Events from ${range.from} to ${range.to}. `
          : `All ${dates.length} dated events. Click a bar to filter. `,
        range ? button('Show all dates', () => app.filters.update(setDateRange(null)), { className: 'link' }) : null,
      ]),
    );
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
    renderTimeline();
    renderDocuments();
    clearButton.disabled = !isFiltering(app.filters.get());
  }

  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      renderAll();
    });
  };
  for (const event of ['nodeAdded', 'nodeDropped', 'edgeAdded', 'edgeDropped', 'cleared'] as const)
    app.graph.on(event, schedule);
  app.filters.subscribe(schedule);
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
