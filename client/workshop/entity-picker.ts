/**
 * Picks "the other entity" of a merge, a new relation or a hypothesis: any node in view, or any entity
 * of the database found with the search API.
 */
import { ENTITY_TYPES } from '../../graph/model/types';
import type { DossierApp } from '../app';
import { el } from '../ui/dom';

export interface EntityPicker {
  element: HTMLElement;
  value(): string | null;
  /** Lists the nodes in view again, leaving out `exclude` (the selected node itself). */
  refresh(exclude: string | null): void;
}

const ENTITY_TYPE_SET: ReadonlySet<string> = new Set(ENTITY_TYPES);

function option(id: string, text: string): HTMLOptionElement {
  const o = el('option', { text });
  o.value = id;
  return o;
}

export function createEntityPicker(app: DossierApp, label: string, name: string): EntityPicker {
  const select = el('select', { attrs: { name, 'aria-label': label } });
  const search = el('input', {
    attrs: {
      type: 'search',
      name: `${name}-search`,
      placeholder: 'or search every entity…',
      'aria-label': `${label}: search`,
    },
  });
  const found = el('optgroup', { attrs: { label: 'Found' } });
  const inView = el('optgroup', { attrs: { label: 'In view' } });
  select.append(found, inView);
  let excluded: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let request = 0;

  search.addEventListener('input', () => {
    clearTimeout(timer);
    const q = search.value.trim();
    if (!q) {
      found.replaceChildren();
      return;
    }
    timer = setTimeout(async () => {
      const id = ++request;
      try {
        const { hits } = await app.api.search(q, { limit: 8 });
        if (id !== request) return;
        found.replaceChildren(
          ...hits.filter((h) => h.id !== excluded).map((h) => option(h.id, `${h.name} (${h.type})`)),
        );
        if (found.firstElementChild) select.value = (found.firstElementChild as HTMLOptionElement).value;
      } catch {
        found.replaceChildren();
      }
    }, 250);
  });

  return {
    element: el('div', { className: 'entity-picker' }, [select, search]),
    value: () => select.value || null,
    refresh(exclude) {
      excluded = exclude;
      const previous = select.value;
      const nodes = app.graph
        .filterNodes((id, a) => id !== exclude && ENTITY_TYPE_SET.has(a.data.type))
        .map((id) => ({
          id,
          name: app.graph.getNodeAttribute(id, 'data').name,
          type: app.graph.getNodeAttribute(id, 'data').type,
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
      inView.replaceChildren(...nodes.map((n) => option(n.id, `${n.name} (${n.type})`)));
      if ([...select.options].some((o) => o.value === previous)) select.value = previous;
    },
  };
}
