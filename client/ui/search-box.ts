/**
 * The search box: asks the server as the user types (debounced, stale answers dropped), lists the hits
 * with their type, and on Enter or click focuses and selects the node, loading it when it is not in view.
 */
import type { SearchHit } from '../../graph/model/api-types';
import type { DossierApp } from '../app';
import { plainMessage } from '../api/api-error';
import { nodeTypeStyle } from '../appearance/node-style';
import { clear, el, typeBadge } from './dom';

export function createSearchBox(app: DossierApp): { element: HTMLElement; input: HTMLInputElement } {
  const input = el('input', {
    className: 'search-input',
    attrs: {
      type: 'search',
      placeholder: 'Search people, states, treaties…  ( / )',
      'aria-label': 'Search the graph',
      autocomplete: 'off',
      spellcheck: 'false',
      role: 'combobox',
      'aria-controls': 'search-results',
      'aria-expanded': 'false',
    },
  });
  const list = el('ul', { className: 'search-results', attrs: { id: 'search-results', role: 'listbox' } });
  const element = el('div', { className: 'search' }, [input, list]);
  let hits: SearchHit[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | null = null;

  function close(): void {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  }

  function render(message?: string): void {
    clear(list);
    if (message) {
      list.append(el('li', { className: 'search-message', text: message }));
    }
    hits.forEach((hit, index) => {
      const style = nodeTypeStyle(hit.type);
      const aliases = hit.aliases.filter((a) => a !== hit.name).slice(0, 3);
      const item = el(
        'li',
        {
          className: `search-hit${index === active ? ' active' : ''}`,
          attrs: { role: 'option', 'aria-selected': String(index === active) },
          dataset: { id: hit.id },
        },
        [
          typeBadge(style.label === 'Other' ? hit.type : style.label, style.color),
          el('span', { className: 'search-name', text: hit.name }),
          aliases.length ? el('span', { className: 'search-aliases', text: aliases.join(' · ') }) : null,
          app.graph.hasNode(hit.id) ? el('span', { className: 'search-loaded', text: 'in view' }) : null,
        ],
      );
      item.addEventListener('mousedown', (event) => {
        event.preventDefault();
        void choose(hit);
      });
      list.append(item);
    });
    list.hidden = !message && hits.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
  }

  async function choose(hit: SearchHit): Promise<void> {
    close();
    input.value = hit.name;
    input.blur();
    await app.focusNode(hit.id);
  }

  async function search(q: string): Promise<void> {
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await app.api.search(q, { limit: 12, signal: controller.signal });
      if (input.value.trim() !== q) return;
      hits = response.hits;
      active = hits.length ? 0 : -1;
      render(hits.length ? undefined : `Nothing matches “${q}”. Try another spelling or a shorter name.`);
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') return;
      hits = [];
      render(plainMessage(error));
    }
  }

  input.addEventListener('input', () => {
    const q = input.value.trim();
    clearTimeout(timer);
    if (q.length < 2) {
      hits = [];
      close();
      return;
    }
    timer = setTimeout(() => void search(q), 150);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!hits.length) return;
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : -1) + hits.length) % hits.length;
      render();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[active >= 0 ? active : 0];
      if (hit) void choose(hit);
    } else if (event.key === 'Escape') {
      close();
      input.blur();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  input.addEventListener('focus', () => {
    if (hits.length) render();
  });
  close();
  return { element, input };
}
