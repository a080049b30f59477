/**
 * The keyboard help `?` opens: every shortcut of the explorer in one list, so the list is read here and
 * nowhere else (the README's "Keyboard and mouse" says the same).
 */
import { button, el } from './dom';

export interface Shortcut {
  keys: string[];
  what: string;
}

export const SHORTCUTS: readonly { group: string; shortcuts: readonly Shortcut[] }[] = [
  {
    group: 'Explore',
    shortcuts: [
      { keys: ['/'], what: 'Search' },
      { keys: ['F'], what: 'Fit the graph to the screen' },
      { keys: ['E'], what: 'Expand the selected node' },
      { keys: ['H'], what: 'Hide the selected nodes' },
      { keys: ['Delete'], what: 'Remove the selected nodes from the view' },
      { keys: ['Esc'], what: 'Clear the selection, close the reader or leave the full-screen canvas' },
    ],
  },
  {
    group: 'Undo',
    shortcuts: [
      { keys: ['Ctrl', 'Z'], what: 'Undo' },
      { keys: ['Ctrl', 'Shift', 'Z'], what: 'Redo (also Ctrl+Y)' },
    ],
  },
  {
    group: 'Page',
    shortcuts: [
      { keys: ['Shift', 'F'], what: 'Full-screen canvas, and back' },
      { keys: ['['], what: 'Collapse or open the left sidebar' },
      { keys: [']'], what: 'Collapse or open the right panel' },
      { keys: ['?'], what: 'This help' },
    ],
  },
  {
    group: 'Console, table and presenting',
    shortcuts: [
      { keys: ['Ctrl', 'Enter'], what: 'Run the query' },
      { keys: ['Ctrl', 'Space'], what: 'Complete a label, relationship type, property or keyword in the console' },
      { keys: ['← / →'], what: 'Previous and next view while presenting' },
      { keys: ['↑ / ↓'], what: 'Previous and next row of the data table' },
      { keys: ['Enter'], what: 'Bring the camera to the data table row' },
    ],
  },
  {
    group: 'Mouse',
    shortcuts: [
      { keys: ['Shift', 'click'], what: 'Add a node to the selection, or take it out' },
      { keys: ['Shift', 'drag'], what: 'Select the nodes in a box' },
      { keys: ['Shift', 'Alt', 'drag'], what: 'Select the nodes inside a freehand lasso' },
      { keys: ['Double-click'], what: 'Expand a node' },
      { keys: ['Right-click'], what: 'The context menu' },
    ],
  },
];

/** Opens the help as a modal dialog; Esc or Close closes it. */
export function openKeyboardHelp(): void {
  if (document.querySelector('dialog.keyboard-help')) return;
  const dialog = el('dialog', { className: 'keyboard-help', attrs: { 'aria-label': 'Keyboard shortcuts' } });
  const close = button('Close', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  dialog.append(
    el('h2', { text: 'Keyboard shortcuts' }),
    el(
      'div',
      { className: 'help-sections' },
      SHORTCUTS.map(({ group, shortcuts }) =>
        el('section', {}, [
          el('h3', { text: group }),
          el(
            'dl',
            { className: 'shortcut-list' },
            shortcuts.flatMap((s) => [
              el(
                'dt',
                {},
                s.keys.flatMap((key, i) => [i > 0 ? '+' : null, el('kbd', { text: key })]),
              ),
              el('dd', { text: s.what }),
            ]),
          ),
        ]),
      ),
    ),
    el('div', { className: 'dialog-actions' }, [close]),
  );
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
}
