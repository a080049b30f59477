/**
 * A searchable entity field that starts empty: typing lists the matching nodes in view first, then the
 * entities the search API finds; choosing one (click or Enter) sets it. Used for the ends of a path and
 * "the other entity" of a curation or a hypothesis: nothing is chosen until the analyst chooses.
 */
import type { DossierApp } from '../app';
import type { ViewGraphReader } from '../graph/view-graph';
import { nodeTypeStyle } from '../appearance/node-style';
import { clear, el, typeBadge } from './dom';

export interface EntityChoice {
  id: string;
  name: string;
}

export interface EntityField {
  element: HTMLElement;
  input: HTMLInputElement;
  /** What is chosen, null while nothing is. */
  value(): EntityChoice | null;
  set(end: EntityChoice | null): void;
  /** Leaves an entity out of the matches (the selected node itself). */
  exclude(id: string | null): void;
}

interface Suggestion extends EntityChoice {
  type: string;
}

export function createEntityField(
  app: Pick<DossierApp, 'api'> & { graph: ViewGraphReader },
  label: string,
  onChoose: (end: EntityChoice | null) => void = () => undefined,
  name?: string,
): EntityField {
  const input = el('input', {
    className: 'entity-field-input',
    attrs: {
      type: 'search',
      'aria-label': label,
      placeholder: 'Search an entity…',
      autocomplete: 'off',
      ...(name ? { name } : {}),
    },
  });
  let excluded: string | null = null;
  const list = el('ul', {
    className: 'entity-field-list',
    attrs: { role: 'listbox', 'aria-label': `${label}: matches` },
  });
  list.hidden = true;
  let suggestions: Suggestion[] = [];
  let active = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let request = 0;
  let chosen: EntityChoice | null = null;

  function render(): void {
    clear(list);
    suggestions.forEach((s, i) => {
      const item = el(
        'li',
        { className: `entity-field-option${i === active ? ' active' : ''}`, attrs: { role: 'option' } },
        [typeBadge(s.type, nodeTypeStyle(s.type).color), el('span', { text: s.name })],
      );
      item.addEventListener('mousedown', (event) => {
        event.preventDefault();
        choose(s);
      });
      list.append(item);
    });
    list.hidden = suggestions.length === 0;
  }

  function choose(end: EntityChoice | null): void {
    // A search still on its way would open the list again over what comes next: it is dropped.
    clearTimeout(timer);
    request++;
    chosen = end ? { id: end.id, name: end.name } : null;
    input.value = chosen?.name ?? '';
    suggestions = [];
    render();
    onChoose(chosen);
  }

  function inView(q: string): Suggestion[] {
    const folded = q.toLowerCase();
    return app.graph
      .filterNodes(
        (id, a) => id !== excluded && a.data.type !== 'Document' && a.data.name.toLowerCase().includes(folded),
      )
      .slice(0, 5)
      .map((id) => {
        const data = app.graph.getNodeAttribute(id, 'data');
        return { id, name: data.name, type: data.type };
      });
  }

  input.addEventListener('input', () => {
    const q = input.value.trim();
    clearTimeout(timer);
    if (chosen && input.value !== chosen.name) {
      chosen = null;
      onChoose(null);
    }
    if (q.length < 2) {
      suggestions = [];
      render();
      return;
    }
    suggestions = inView(q);
    active = 0;
    render();
    timer = setTimeout(async () => {
      const id = ++request;
      try {
        const { hits } = await app.api.search(q, { limit: 8 });
        if (id !== request || chosen || input.value.trim() !== q) return;
        const known = new Set(suggestions.map((s) => s.id));
        suggestions = [
          ...suggestions,
          ...hits
            .filter((h) => !known.has(h.id) && h.id !== excluded)
            .map((h) => ({ id: h.id, name: h.name, type: h.type })),
        ].slice(0, 10);
        render();
      } catch {
        // The nodes in view stay offered; the search answers again on the next key.
      }
    }, 200);
  });
  input.addEventListener('keydown', (event) => {
    if (!suggestions.length) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : -1) + suggestions.length) % suggestions.length;
      render();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(suggestions[active] ?? suggestions[0]);
    }
  });
  input.addEventListener('blur', () =>
    setTimeout(() => {
      suggestions = [];
      render();
    }, 100),
  );

  return {
    element: el('div', { className: 'entity-field' }, [input, list]),
    input,
    value: () => chosen,
    exclude: (id) => {
      excluded = id;
    },
    set: (end) => {
      // Only a change from outside: the field's own choice (or its clearing while typing) is already shown.
      if (end?.id === chosen?.id) return;
      chosen = end;
      input.value = end?.name ?? '';
    },
  };
}
