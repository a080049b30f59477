/**
 * The canvas's context menu. On a node it acts on the selected nodes (the node alone when it was not
 * among them): expand, hide, remove, keep only, pin, shortest paths from or to it, select its type. On the
 * background: select all, by type, invert, clear, show hidden. Every change of the view goes through
 * the app's undoable actions.
 */
import type { DossierApp } from '../app';
import { button, el } from './dom';

type MenuApp = Pick<
  DossierApp,
  | 'graph'
  | 'ui'
  | 'view'
  | 'select'
  | 'selectNodes'
  | 'invertSelection'
  | 'selectedNodeIds'
  | 'visibleNodeIds'
  | 'expandMany'
  | 'hide'
  | 'remove'
  | 'keepOnly'
  | 'pin'
  | 'showHidden'
  | 'metrics'
>;

export function createContextMenu(
  app: MenuApp,
  paths: { setEnd(which: 'from' | 'to', end: { id: string; name: string }): void },
): HTMLElement {
  const menu = el('div', { className: 'context-menu', attrs: { role: 'menu', 'aria-label': 'Graph actions' } });
  menu.hidden = true;

  const close = () => app.ui.update((s) => (s.contextMenu ? { ...s, contextMenu: null } : s));
  const item = (text: string, run: () => void, disabled = false) => {
    const b = button(
      text,
      () => {
        close();
        run();
      },
      { className: 'context-item', attrs: { role: 'menuitem' } },
    );
    b.disabled = disabled;
    return b;
  };
  const count = (ids: string[]) => (ids.length === 1 ? '' : ` ${ids.length} nodes`);
  const ofType = (type: string) =>
    app.visibleNodeIds().filter((id) => app.graph.getNodeAttribute(id, 'data').type === type);

  function nodeItems(node: string): HTMLElement[] {
    if (!app.selectedNodeIds().includes(node)) app.select({ kind: 'node', id: node });
    const targets = app.selectedNodeIds();
    const data = app.graph.getNodeAttribute(node, 'data');
    const pinned = targets.every((id) => !!app.graph.getNodeAttribute(id, 'fixed'));
    const end = { id: node, name: data.name };
    return [
      el('div', { className: 'context-title', text: targets.length === 1 ? data.name : `${targets.length} selected` }),
      item(`Expand${count(targets)}`, () => void app.expandMany(targets)),
      item(`Hide${count(targets)}`, () => app.hide(targets)),
      item(`Remove${count(targets)}`, () => app.remove(targets)),
      item(`Keep only${count(targets) || ' this'}`, () => app.keepOnly(targets)),
      item(`${pinned ? 'Unpin' : 'Pin'}${count(targets)}`, () => app.pin(targets, !pinned)),
      el('hr'),
      item('Path from here', () => paths.setEnd('from', end)),
      item('Path to here', () => paths.setEnd('to', end)),
      el('hr'),
      item(`Select every ${data.type}`, () => app.selectNodes(ofType(data.type))),
      ...communityItem(node),
      item('Invert the selection', () => app.invertSelection()),
    ];
  }

  /** Once communities are computed (colour or pack by community), select the node's own. */
  function communityItem(node: string): HTMLElement[] {
    const communities = app.metrics.get().result?.communities;
    if (!communities || communities[node] === undefined) return [];
    const members = app.visibleNodeIds().filter((id) => communities[id] === communities[node]);
    return [item(`Select its community (${members.length})`, () => app.selectNodes(members))];
  }

  function stageItems(): HTMLElement[] {
    const types = [...new Set(app.visibleNodeIds().map((id) => app.graph.getNodeAttribute(id, 'data').type))].sort();
    const hidden = app.view.get().hidden.length;
    const items: Array<HTMLElement | null> = [
      item('Select all', () => app.selectNodes(app.visibleNodeIds())),
      item('Invert the selection', () => app.invertSelection()),
      item('Clear the selection', () => app.select(null), app.selectedNodeIds().length === 0),
      el('hr'),
      ...types.map((type) =>
        item(`Select every ${type} (${ofType(type).length})`, () => app.selectNodes(ofType(type))),
      ),
      hidden ? el('hr') : null,
      hidden ? item(`Show hidden (${hidden})`, () => app.showHidden()) : null,
    ];
    return items.filter((x): x is HTMLElement => x !== null);
  }

  app.ui.subscribe((state, previous) => {
    const open = state.contextMenu;
    if (open === previous.contextMenu) return;
    menu.hidden = !open;
    if (!open) return;
    const node = open.node && app.graph.hasNode(open.node) ? open.node : null;
    menu.replaceChildren(...(node ? nodeItems(node) : stageItems()));
    // Kept inside the stage: flipped left or up near the edges.
    const stage = menu.parentElement?.getBoundingClientRect();
    menu.style.left = `${open.x}px`;
    menu.style.top = `${open.y}px`;
    requestAnimationFrame(() => {
      if (!stage) return;
      const box = menu.getBoundingClientRect();
      if (box.right > stage.right) menu.style.left = `${Math.max(0, open.x - box.width)}px`;
      if (box.bottom > stage.bottom) menu.style.top = `${Math.max(0, open.y - box.height)}px`;
      (menu.querySelector('button:not(:disabled)') as HTMLButtonElement | null)?.focus();
    });
  });
  document.addEventListener('mousedown', (event) => {
    if (!menu.hidden && !menu.contains(event.target as Node)) close();
  });
  menu.addEventListener('keydown', (event) => {
    const items = [...menu.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      items[(at + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
    }
  });
  return menu;
}
