/**
 * The page around the canvas: the left sidebar and the right panel collapse and resize (a drag on their
 * edge, or the arrow keys on it), and the canvas can take the whole window. The widths and what is
 * collapsed are kept for the next visit. Sigma measures its container again after every change.
 */
import { button, el } from './dom';

const STORAGE_KEY = 'dossier.layout';
const MIN_WIDTH = 160;
/** Neither side takes more than this share of the window, so the canvas always keeps some. */
const MAX_SHARE = 0.4;
const KEY_STEP = 24;

type Side = 'sidebar' | 'panel';

interface LayoutPrefs {
  widths: Partial<Record<Side, number>>;
  collapsed: Record<Side, boolean>;
}

export interface PageLayout {
  /** The collapse buttons and the way out of the full-screen canvas, placed on the canvas's edges. */
  edges: HTMLElement[];
  /** The resize handles: children of the page's grid, each on the inner edge of its side. */
  handles: HTMLElement[];
  /** The toolbar button of the full-screen canvas. */
  fullScreenButton: HTMLButtonElement;
  toggle(side: Side): void;
  toggleFullScreen(on?: boolean): void;
  isFullScreen(): boolean;
}

function readPrefs(): LayoutPrefs {
  const prefs: LayoutPrefs = { widths: {}, collapsed: { sidebar: false, panel: false } };
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<LayoutPrefs>;
    for (const side of ['sidebar', 'panel'] as const) {
      const width = saved.widths?.[side];
      if (typeof width === 'number' && Number.isFinite(width)) prefs.widths[side] = width;
      prefs.collapsed[side] = saved.collapsed?.[side] === true;
    }
  } catch {
    // Unreadable preferences are the defaults.
  }
  return prefs;
}

export function createPageLayout(root: HTMLElement, onResize: () => void): PageLayout {
  const prefs = readPrefs();
  let fullScreen = false;
  let resizeScheduled = false;
  const resized = () => {
    if (resizeScheduled) return;
    resizeScheduled = true;
    requestAnimationFrame(() => {
      resizeScheduled = false;
      onResize();
    });
  };
  const save = () => localStorage.setItem(STORAGE_KEY, JSON.stringify(prefs));
  const variable = (side: Side) => (side === 'sidebar' ? '--sidebar-w' : '--panel-w');
  const clamp = (width: number) => Math.round(Math.max(MIN_WIDTH, Math.min(width, window.innerWidth * MAX_SHARE)));
  const widthOf = (side: Side) => root.querySelector(`.${side}`)?.getBoundingClientRect().width ?? 0;

  function setWidth(side: Side, width: number): void {
    prefs.widths[side] = clamp(width);
    root.style.setProperty(variable(side), `${prefs.widths[side]}px`);
    resized();
  }

  const collapseButtons = {} as Record<Side, HTMLButtonElement>;
  function render(): void {
    for (const side of ['sidebar', 'panel'] as const) {
      const collapsed = prefs.collapsed[side];
      root.classList.toggle(`${side}-collapsed`, collapsed);
      const name = side === 'sidebar' ? 'sidebar' : 'panel';
      const b = collapseButtons[side];
      // The arrow points where the side goes: in when open, out when collapsed.
      b.textContent = (side === 'sidebar') === collapsed ? '›' : '‹';
      b.title = `${collapsed ? 'Open' : 'Collapse'} the ${name} (${side === 'sidebar' ? '[' : ']'})`;
      b.setAttribute('aria-label', `${collapsed ? 'Open' : 'Collapse'} the ${name}`);
      b.setAttribute('aria-expanded', String(!collapsed));
      const width = prefs.widths[side];
      if (width !== undefined) root.style.setProperty(variable(side), `${clamp(width)}px`);
    }
    root.classList.toggle('canvas-full', fullScreen);
    fullScreenButton.classList.toggle('active', fullScreen);
    fullScreenButton.setAttribute('aria-pressed', String(fullScreen));
    resized();
  }

  function handle(side: Side): HTMLElement {
    const name = side === 'sidebar' ? 'sidebar' : 'panel';
    const grip = el('div', {
      className: `resize-handle ${side}-handle`,
      attrs: {
        role: 'separator',
        tabindex: '0',
        'aria-orientation': 'vertical',
        'aria-label': `Resize the ${name}`,
        title: `Drag to resize the ${name} (or use the arrow keys)`,
      },
    });
    // Dragging to the right widens the sidebar and narrows the panel.
    const sign = side === 'sidebar' ? 1 : -1;
    grip.addEventListener('pointerdown', (event) => {
      event.preventDefault();
      grip.setPointerCapture(event.pointerId);
      const startX = event.clientX;
      const startWidth = widthOf(side);
      root.classList.add('resizing');
      const move = (e: PointerEvent) => setWidth(side, startWidth + sign * (e.clientX - startX));
      const end = () => {
        grip.removeEventListener('pointermove', move);
        root.classList.remove('resizing');
        save();
      };
      grip.addEventListener('pointermove', move);
      grip.addEventListener('pointerup', end, { once: true });
      grip.addEventListener('pointercancel', end, { once: true });
    });
    grip.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      event.preventDefault();
      setWidth(side, widthOf(side) + sign * (event.key === 'ArrowRight' ? KEY_STEP : -KEY_STEP));
      save();
    });
    return grip;
  }

  const layout: PageLayout = {
    edges: [],
    handles: [handle('sidebar'), handle('panel')],
    fullScreenButton: button('Full screen', () => layout.toggleFullScreen(), {
      title: 'The canvas alone, on the whole window (Shift+F; Esc leaves)',
      attrs: { 'aria-label': 'Full-screen canvas' },
    }),
    toggle(side) {
      prefs.collapsed[side] = !prefs.collapsed[side];
      save();
      render();
    },
    toggleFullScreen(on = !fullScreen) {
      fullScreen = on;
      render();
    },
    isFullScreen: () => fullScreen,
  };
  const fullScreenButton = layout.fullScreenButton;
  for (const side of ['sidebar', 'panel'] as const) {
    collapseButtons[side] = button('', () => layout.toggle(side), {
      className: `collapse-toggle ${side}-toggle`,
      dataset: { labelObstacle: '' },
    });
  }
  const exitFullScreen = button('Leave full screen', () => layout.toggleFullScreen(false), {
    className: 'exit-full-screen',
    title: 'Back to the panels (Esc)',
    dataset: { labelObstacle: '' },
  });
  layout.edges = [collapseButtons.sidebar, collapseButtons.panel, exitFullScreen];
  window.addEventListener('resize', () => render());
  render();
  return layout;
}
