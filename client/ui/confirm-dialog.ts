/**
 * Asks before a destructive action (a merge, a split, deleting a relation of the shared graph): what it
 * does in words, Cancel focused first. Resolves true only when the analyst confirms.
 */
import { button, el } from './dom';

export function confirmAction(options: { title: string; message: string; confirm: string }): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = el('dialog', { className: 'confirm-dialog', attrs: { 'aria-label': options.title } });
    const finish = (answer: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    const cancel = button('Cancel', () => finish(false));
    dialog.append(
      el('h2', { text: options.title }),
      el('p', { text: options.message }),
      el('div', { className: 'dialog-actions' }, [
        cancel,
        button(options.confirm, () => finish(true), { className: 'primary danger' }),
      ]),
    );
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
