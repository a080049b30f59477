/**
 * Entry point: builds the page, creates the app, loads the view (from the URL when it has one, else the
 * overview), and wires the toolbar, shortcuts, URL and status messages. Exposes
 * `window.__dossier = { graph, sigma, state, app }` for the browser tests.
 */
import './styles.css';
import { createApp, type DossierApp } from './app';
import { ApiRequestError, plainMessage } from './api/api-error';
import { TOKEN_STORAGE_KEY } from './api/api-client';
import { canRedo, canUndo } from './history/history';
import { select } from './state/view-state';
import { EMPTY_PICTURE, type ViewPicture } from './state/view-picture';
import { decodeUrlView, encodeUrlView } from './url/url-state';
import { button, el, isTyping } from './ui/dom';
import { createSearchBox } from './ui/search-box';
import { createDetailsPanel } from './ui/details-panel';
import { createReaderPanel } from './ui/reader-panel';
import { createSidebar } from './ui/sidebar';
import { askExpandChoice } from './ui/expand-dialog';
import { createCypherConsole } from './ui/cypher-console';
import { createExportMenu } from './ui/export-menu';
import { createGraphControls } from './ui/graph-controls';
import { createContextMenu } from './ui/context-menu';
import { createWorkshopPanel } from './workshop/workshop-panel';
import { createAddDocuments } from './documents/add-documents';
import { createChangesPanel } from './documents/changes-panel';
import { createDocumentsPanel } from './documents/documents-panel';
import { createLiveDocuments } from './documents/live-documents';
import { createPathPanel } from './paths/path-panel';
import { createPageLayout } from './ui/page-layout';
import { openKeyboardHelp } from './ui/keyboard-help';
import { createTablePanel } from './table/table-panel';

declare global {
  interface Window {
    __dossier?: {
      graph: DossierApp['graph'];
      sigma: DossierApp['graphView']['sigma'];
      state: Record<string, unknown>;
      app: DossierApp;
      ready: Promise<void>;
    };
  }
}

const OVERVIEW_LIMIT = 150;

function positionsOf(
  nodes: readonly string[],
  positions: ReadonlyArray<{ x: number; y: number }> | null,
): Record<string, { x: number; y: number }> {
  if (!positions || positions.length !== nodes.length) return {};
  return Object.fromEntries(nodes.map((id, i) => [id, positions[i]]));
}

function toastArea(): { element: HTMLElement; show: (message: string, kind?: 'info' | 'error') => void } {
  const element = el('div', { className: 'toasts', attrs: { role: 'status', 'aria-live': 'polite' } });
  return {
    element,
    show(message, kind = 'info') {
      const toast = el('div', { className: `toast ${kind}`, text: message });
      element.append(toast);
      while (element.children.length > 3) element.firstElementChild?.remove();
      setTimeout(() => toast.remove(), kind === 'error' ? 9000 : 3500);
    },
  };
}

function boot(): void {
  const root = document.getElementById('app')!;
  const graphContainer = el('div', { className: 'graph', attrs: { id: 'graph', 'aria-label': 'Graph' } });
  const overlay = el('div', { className: 'overlay', attrs: { role: 'status' } });
  const busy = el('div', { className: 'busy' });
  const toasts = toastArea();

  const app = createApp(graphContainer, { notify: toasts.show, askExpandChoice });
  const search = createSearchBox(app);
  const consolePanel = createCypherConsole(app);
  const workshop = createWorkshopPanel(app);
  const details = createDetailsPanel(app, workshop.selectionNotes);
  const reader = createReaderPanel(app);
  const changes = createChangesPanel(app);
  const liveDocuments = createLiveDocuments(app, {
    panel: changes,
    reload: () => load(),
    workshop: { session: workshop.session, live: workshop.live },
  });
  const addDocuments = createAddDocuments(app, {
    session: workshop.session,
    onImported: (job) => liveDocuments.importFinished(job.id),
  });
  const documentsPanel = createDocumentsPanel(app, { session: workshop.session, changes });
  const paths = createPathPanel(app);
  const table = createTablePanel(app);

  // Toolbar.
  const selectedNode = () => {
    const s = app.view.get().selection;
    return s?.kind === 'node' && app.graph.hasNode(s.id) ? s.id : null;
  };
  const undoButton = button('↶ Undo', () => app.undo(), { title: 'Undo (Ctrl+Z)' });
  const redoButton = button('↷ Redo', () => app.redo(), { title: 'Redo (Ctrl+Shift+Z)' });
  const expandButton = button('Expand', () => selectedNode() && void app.expand(selectedNode()!), {
    title: 'Load the neighbours of the selected node (or double-click it)',
  });
  const hideButton = button('Hide', () => app.hide(app.selectedNodeIds()), {
    title: 'Hide the selected nodes (shift-click or shift-drag selects several)',
  });
  const removeButton = button('Remove', () => app.remove(app.selectedNodeIds()), {
    title: 'Remove the selected nodes from the view',
  });
  const showHiddenButton = button('Show hidden', () => app.showHidden(), { title: 'Show the nodes hidden by hand' });
  const layoutButton = button('▶ Layout', () => void app.toggleLayout(), {
    title: 'Run ForceAtlas2 until you stop it',
  });
  const pathsButton = button('Paths', () => paths.toggle(), { title: 'Shortest paths between two entities' });
  const fitButton = button('Fit', () => void app.graphView.fit(), { title: 'Fit the graph to the screen (F)' });
  const consoleButton = button('Cypher', () => app.ui.update((s) => ({ ...s, consoleOpen: !s.consoleOpen })), {
    title: 'Open the Cypher console',
  });
  const workshopButton = button('Workshop', () => workshop.toggle(), { title: 'Create or join an analyst workshop' });
  const linkButton = button('Copy link', () => void copyLink(), { title: 'Copy a link that reopens this view' });
  const pageLayout = createPageLayout(root, () => {
    app.graphView.sigma.resize();
    app.graphView.sigma.refresh();
  });
  const helpButton = button('?', () => openKeyboardHelp(), {
    title: 'Keyboard shortcuts (?)',
    attrs: { 'aria-label': 'Keyboard shortcuts' },
  });
  const header = el('header', { className: 'topbar' }, [
    el('div', { className: 'brand' }, [el('span', { className: 'logo', text: '◉' }), el('span', { text: 'Dossier' })]),
    search.element,
    el('nav', { className: 'toolbar', attrs: { 'aria-label': 'Graph actions' } }, [
      el('div', { className: 'group' }, [expandButton, hideButton, removeButton, showHiddenButton]),
      el('div', { className: 'group' }, [undoButton, redoButton]),
      el('div', { className: 'group' }, [layoutButton, fitButton, pathsButton]),
      el('div', { className: 'group' }, [addDocuments.button, documentsPanel.button]),
      el('div', { className: 'group' }, [
        table.button,
        consoleButton,
        createExportMenu(app),
        linkButton,
        workshopButton,
      ]),
      el('div', { className: 'group' }, [pageLayout.fullScreenButton, helpButton]),
    ]),
  ]);

  const panel = el('aside', { className: 'panel' }, [
    workshop.element,
    paths.element,
    changes.element,
    details,
    reader,
  ]);
  const stage = el('main', { className: 'stage' }, [
    graphContainer,
    createGraphControls(app),
    createContextMenu(app, paths),
    overlay,
    busy,
    toasts.element,
    consolePanel.element,
    table.element,
    addDocuments.progress,
    ...pageLayout.edges,
  ]);
  root.append(header, createSidebar(app), stage, panel, ...pageLayout.handles);

  function renderToolbar(): void {
    const node = selectedNode();
    expandButton.disabled = !node;
    for (const b of [hideButton, removeButton]) b.disabled = app.selectedNodeIds().length === 0;
    const h = app.history.get();
    undoButton.disabled = !canUndo(h);
    redoButton.disabled = !canRedo(h);
    undoButton.title = canUndo(h) ? `Undo ${h.past[h.past.length - 1].label} (Ctrl+Z)` : 'Nothing to undo';
    redoButton.title = canRedo(h) ? `Redo ${h.future[0].label} (Ctrl+Shift+Z)` : 'Nothing to redo';
    const hidden = app.view.get().hidden.length;
    showHiddenButton.disabled = hidden === 0;
    showHiddenButton.hidden = hidden === 0;
    showHiddenButton.textContent = hidden ? `Show hidden (${hidden})` : 'Show hidden';
    const ui = app.ui.get();
    layoutButton.textContent = ui.layoutRunning ? '■ Stop layout' : '▶ Layout';
    layoutButton.classList.toggle('active', ui.layoutRunning);
    consoleButton.classList.toggle('active', ui.consoleOpen);
    root.classList.toggle('console-open', ui.consoleOpen);
    root.classList.toggle('reading', ui.reader !== null);
    root.dataset.state = ui.status;
    overlay.hidden = ui.status === 'ready';
    overlay.replaceChildren();
    if (ui.status !== 'ready') {
      overlay.className = `overlay ${ui.status}`;
      overlay.append(
        el('p', {
          className: 'overlay-title',
          text: ui.status === 'loading' ? 'Loading…' : ui.status === 'empty' ? 'No graph yet' : 'Cannot load the graph',
        }),
      );
      if (ui.message) overlay.append(el('p', { text: ui.message }));
      if (ui.status === 'empty' && !addDocuments.button.disabled)
        overlay.append(button('Add documents', () => addDocuments.open(), { className: 'overlay-add-documents' }));
      if (ui.status === 'error' && askToken) {
        const field = el('input', {
          className: 'token-input',
          attrs: { type: 'password', placeholder: 'Access token', 'aria-label': 'Access token', autocomplete: 'off' },
        });
        const connect = () => {
          sessionStorage.setItem(TOKEN_STORAGE_KEY, field.value.trim());
          void load();
        };
        field.addEventListener('keydown', (event) => event.key === 'Enter' && connect());
        overlay.append(field, button('Connect', connect));
      } else if (ui.status === 'error') overlay.append(button('Try again', () => void load()));
    }
    busy.textContent = ui.busy ?? '';
    busy.hidden = !ui.busy;
  }
  app.view.subscribe(renderToolbar);
  app.history.subscribe(renderToolbar);
  app.ui.subscribe((state, previous) => {
    renderToolbar();
    if (state.consoleOpen && !previous.consoleOpen) setTimeout(() => consolePanel.focus(), 0);
  });
  app.ui.subscribe(() => {
    details.hidden = app.ui.get().reader !== null;
    reader.hidden = app.ui.get().reader === null;
  });
  app.view.subscribe((state, previous) => {
    if (state.selection !== previous.selection && app.ui.get().reader) app.closeReader();
  });
  reader.hidden = true;

  // URL: the view is written to the hash (debounced) and read back on load.
  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  let urlReady = false;
  let askToken = false;
  let overviewIds = '';
  function writeUrl(): void {
    if (!urlReady) return;
    clearTimeout(urlTimer);
    urlTimer = setTimeout(writeUrlNow, 250);
  }
  function writeUrlNow(): void {
    const nodes = app.graph.nodes().sort();
    const camera = app.graphView.sigma.getCamera().getState();
    const hash = encodeUrlView({
      nodes: nodes.join() === overviewIds ? null : nodes,
      positions: nodes.join() === overviewIds ? null : nodes.map((id) => app.graph.getNodeAttributes(id)),
      hidden: app.view.get().hidden,
      selection: app.view.get().selection,
      filters: app.filters.get(),
      appearance: app.appearance.get(),
      camera: { x: camera.x, y: camera.y, ratio: camera.ratio },
    });
    history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  }
  app.view.subscribe((s, p) => {
    if (s.selection !== p.selection || s.hidden !== p.hidden) writeUrl();
  });
  app.filters.subscribe(writeUrl);
  app.appearance.subscribe(writeUrl);
  app.history.subscribe(writeUrl);
  app.graphView.sigma.getCamera().on('updated', writeUrl);

  async function copyLink(): Promise<void> {
    // The link holds where the camera is going, not a frame of its way there; then it is written at
    // once rather than after the debounce, which a busy page could let fire after the copy.
    const camera = app.graphView.sigma.getCamera();
    for (let waited = 0; camera.isAnimated() && waited < 2000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    clearTimeout(urlTimer);
    urlReady = true;
    writeUrlNow();
    try {
      await navigator.clipboard.writeText(location.href);
      toasts.show('Link copied: it reopens this view.');
    } catch {
      toasts.show('Copy the address bar: it reopens this view.');
    }
  }

  async function load(): Promise<void> {
    app.ui.update((s) => ({ ...s, status: 'loading', message: 'Loading the graph…' }));
    const fromUrl = decodeUrlView(location.hash);
    try {
      const health = await app.api.health();
      if (health.counts.nodes === 0) {
        app.ui.update((s) => ({
          ...s,
          status: 'empty',
          message:
            'The database is empty. Add documents (PDF, Word, text, Markdown or HTML) with the button or by dropping them here, or import a folder with `npm run import -- data/corpus`.',
        }));
        return;
      }
      const selection = fromUrl.selection;
      const picture: ViewPicture = {
        ...EMPTY_PICTURE,
        nodeIds: fromUrl.nodes ?? [],
        positions: positionsOf(fromUrl.nodes ?? [], fromUrl.positions),
        hidden: fromUrl.hidden,
        selection,
        selectedNodes: selection?.kind === 'node' ? [selection.id] : [],
        filters: fromUrl.filters,
        appearance: fromUrl.appearance,
        camera: fromUrl.camera,
      };
      if (fromUrl.nodes && fromUrl.nodes.length) {
        await app.openView(picture);
      } else {
        const overview = await app.api.overview(OVERVIEW_LIMIT);
        await app.openView(picture, { subgraph: overview });
        overviewIds = app.graph.nodes().sort().join();
        if (overview.truncated)
          toasts.show(
            `Showing the ${overview.nodes.length} best connected of ${overview.totalEntities} entities. Search or expand to see more.`,
          );
      }
      if (app.graph.order === 0) {
        app.ui.update((s) => ({
          ...s,
          status: 'empty',
          message:
            'Nothing to show: the link names nodes that are not in the database any more. Search for an entity to start.',
        }));
      } else {
        app.ui.update((s) => ({ ...s, status: 'ready', message: null }));
      }
      // A link's selected node that the view does not hold is loaded beside it.
      if (selection?.kind === 'node' && !app.graph.hasNode(selection.id)) await app.focusNode(selection.id);
      app.history.update(() => ({ past: [], future: [] }));
      urlReady = true;
    } catch (error) {
      askToken = error instanceof ApiRequestError && error.code === 'UNAUTHORIZED';
      if (askToken) {
        app.ui.update((s) => ({
          ...s,
          status: 'error',
          message:
            'This server needs its access token (DOSSIER_TOKEN). Paste it here; it is kept for this browser tab only.',
        }));
        return;
      }
      app.fail(error);
      toasts.show(plainMessage(error), 'error');
    }
  }

  // Keyboard shortcuts.
  document.addEventListener('keydown', (event) => {
    const mod = event.ctrlKey || event.metaKey;
    if (event.key === 'Escape') {
      if (document.querySelector('dialog[open]')) return;
      if (isTyping(event.target)) (event.target as HTMLElement).blur?.();
      if (pageLayout.isFullScreen()) return pageLayout.toggleFullScreen(false);
      if (app.ui.get().reader) app.closeReader();
      else app.view.update(select(null));
      return;
    }
    if (isTyping(event.target)) return;
    if (event.key === '/' && !mod) {
      event.preventDefault();
      search.input.focus();
      search.input.select();
    } else if (event.key === '?' && !mod) {
      event.preventDefault();
      openKeyboardHelp();
    } else if (event.key === 'F' && event.shiftKey && !mod && !event.altKey) {
      event.preventDefault();
      pageLayout.toggleFullScreen();
    } else if ((event.key === '[' || event.key === ']') && !mod && !event.altKey) {
      pageLayout.toggle(event.key === '[' ? 'sidebar' : 'panel');
    } else if ((event.key === 'f' || event.key === 'F') && !mod && !event.altKey) {
      event.preventDefault();
      void app.graphView.fit();
    } else if (mod && (event.key === 'z' || event.key === 'Z')) {
      event.preventDefault();
      if (event.shiftKey) app.redo();
      else app.undo();
    } else if (mod && (event.key === 'y' || event.key === 'Y')) {
      event.preventDefault();
      app.redo();
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && app.selectedNodeIds().length) {
      app.remove(app.selectedNodeIds());
    } else if ((event.key === 'e' || event.key === 'E') && !mod && selectedNode()) {
      void app.expand(selectedNode()!);
    } else if ((event.key === 'h' || event.key === 'H') && !mod && app.selectedNodeIds().length) {
      app.hide(app.selectedNodeIds());
    }
  });

  // A shareable view link opens its view once the first graph is there (or asks to join first).
  const ready = load().then(() => workshop.openFromLink());
  window.__dossier = {
    graph: app.graph,
    sigma: app.graphView.sigma,
    state: { view: app.view, filters: app.filters, history: app.history, ui: app.ui },
    app,
    ready,
  };
  renderToolbar();
}

boot();
