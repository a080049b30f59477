/**
 * The question asked before a large expansion: how many neighbours there are, which types to bring and
 * how many at most (the best connected first). Resolves with the choice, or null when cancelled.
 */
import { choiceCount, defaultChoice, type ExpandChoice } from '../expand/expand-plan';
import { nodeTypeStyle } from '../appearance/node-style';
import { button, el } from './dom';

export function askExpandChoice(
  name: string,
  total: number,
  countsByType: Record<string, number>,
): Promise<ExpandChoice | null> {
  return new Promise((resolve) => {
    const choice = defaultChoice(countsByType);
    const dialog = el('dialog', { className: 'expand-dialog', attrs: { 'aria-label': `Expand ${name}` } });
    const countLine = el('p', { className: 'expand-count' });
    const limit = el('input', {
      attrs: {
        type: 'number',
        min: '1',
        max: String(Math.max(total, 1)),
        value: String(choice.limit),
        'aria-label': 'How many neighbours at most',
      },
    });
    const confirm = button('Add', () => finish(choice), { className: 'primary' });
    const update = () => {
      choice.limit = Math.max(1, Math.floor(Number(limit.value) || 1));
      const n = choice.types.length ? choiceCount(countsByType, choice) : 0;
      countLine.textContent = `${n} neighbour${n === 1 ? '' : 's'} will be added.`;
      confirm.textContent = `Add ${n}`;
      confirm.disabled = n === 0;
    };
    limit.addEventListener('input', update);
    const types = Object.entries(countsByType)
      .sort((a, b) => b[1] - a[1])
      .map(([type, count]) => {
        const box = el('input', { attrs: { type: 'checkbox' } });
        box.checked = true;
        box.addEventListener('change', () => {
          choice.types = box.checked ? [...choice.types, type].sort() : choice.types.filter((t) => t !== type);
          update();
        });
        const swatch = el('span', { className: 'swatch round' });
        swatch.style.backgroundColor = nodeTypeStyle(type).color;
        return el('label', { className: 'expand-type' }, [box, swatch, el('span', { text: `${type} (${count})` })]);
      });
    const finish = (result: ExpandChoice | null) => {
      dialog.close();
      dialog.remove();
      resolve(
        result && { ...result, types: result.types.length === Object.keys(countsByType).length ? [] : result.types },
      );
    };
    dialog.append(
      el('h2', { text: `${name} has ${total} neighbours` }),
      el('p', {
        className: 'hint',
        text: 'That is a lot to draw at once. Pick the types to bring and how many, the best connected first.',
      }),
      el('div', { className: 'expand-types' }, types),
      el('label', { className: 'expand-limit' }, [el('span', { text: 'Top N: ' }), limit]),
      countLine,
      el('div', { className: 'dialog-actions' }, [button('Cancel', () => finish(null)), confirm]),
    );
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(null);
    });
    document.body.append(dialog);
    update();
    dialog.showModal();
    confirm.focus();
  });
}
