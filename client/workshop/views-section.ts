/**
 * Saved views: save the current view (name, description, notes), open, overwrite with the current view,
 * duplicate, delete, put in or take out of the presentation, and copy a shareable link.
 */
import type { SavedView } from '../../graph/workshop/types';
import { button, el } from '../ui/dom';
import { toggleInOrder } from './presentation-order';
import { viewLink } from './share-link';
import { captureView, openSavedView } from './view-capture';
import { attempt, field, type WorkshopContext } from './workshop-context';

export interface ViewsSection {
  element: HTMLElement;
}

export async function copyViewLink(ctx: WorkshopContext, view: SavedView): Promise<void> {
  const link = viewLink(location.href, view.workshopId, view.id);
  try {
    await navigator.clipboard.writeText(link);
    ctx.app.notify(`Link to "${view.name}" copied. Opening it needs a join code of this workshop.`);
  } catch {
    ctx.app.notify(`Link to "${view.name}": ${link}`);
  }
}

export function createViewsSection(ctx: WorkshopContext): ViewsSection {
  const element = el('div', { className: 'workshop-section views-section' });
  const list = el('ul', { className: 'workshop-views' });
  const name = field('View name', 'view-name');
  const description = el('input', {
    attrs: { name: 'view-description', placeholder: 'Description (optional)', 'aria-label': 'View description' },
  });
  const notes = el('textarea', {
    attrs: {
      name: 'view-notes',
      rows: '2',
      placeholder: 'Notes for presenting (optional)',
      'aria-label': 'View notes',
    },
  });
  const saveForm = el('div', { className: 'workshop-save' }, [
    name,
    description,
    notes,
    button(
      'Save view',
      attempt(ctx, async () => {
        const s = ctx.session.get();
        if (!s) return;
        const sent = [name.value, description.value, notes.value];
        await ctx.api.saveView(s.workshopId, {
          ...captureView(ctx.app, sent[0].trim() || 'Untitled view'),
          description: sent[1],
          notes: sent[2],
        });
        // What was typed while the view was being saved belongs to the next one: only sent text is cleared.
        [name, description, notes].forEach((field, i) => {
          if (field.value === sent[i]) field.value = '';
        });
        await ctx.loadViews();
      }),
    ),
  ]);
  element.append(el('h3', { text: 'Saved views' }), saveForm, list);

  function item(v: SavedView): HTMLElement {
    const editor = ctx.isEditor();
    const presented = ctx.presentation.get().includes(v.id);
    const workshopId = v.workshopId;
    return el('li', { className: 'workshop-view', dataset: { viewId: v.id } }, [
      el('span', { className: 'view-name', text: v.name }),
      v.description ? el('p', { className: 'view-description hint small', text: v.description }) : null,
      el('div', { className: 'view-actions' }, [
        button(
          'Open',
          attempt(ctx, () => openSavedView(ctx.app, v)),
        ),
        button('Copy link', () => void copyViewLink(ctx, v), {
          className: 'copy-view-link',
          title: 'A link that opens this view (for participants of this workshop)',
        }),
        editor &&
          button(
            'Update',
            attempt(ctx, async () => {
              const { name: _name, ...current } = captureView(ctx.app, v.name);
              await ctx.api.updateView(workshopId, v.id, current);
              ctx.app.notify(`"${v.name}" now shows the current view.`);
              await ctx.loadViews();
            }),
            { title: 'Overwrite this view with what the graph shows now' },
          ),
        editor &&
          button(
            'Duplicate',
            attempt(ctx, async () => {
              await ctx.api.duplicateView(workshopId, v.id);
              await ctx.loadViews();
            }),
          ),
        editor &&
          button(
            presented ? 'Remove from presentation' : 'Add to presentation',
            attempt(ctx, async () => {
              const viewIds = await ctx.api.setPresentation(workshopId, toggleInOrder(ctx.presentation.get(), v.id));
              ctx.presentation.update(() => viewIds);
            }),
            { className: 'presentation-toggle' },
          ),
        editor &&
          button(
            'Delete',
            attempt(ctx, async () => {
              await ctx.api.deleteView(workshopId, v.id);
              await Promise.all([ctx.loadViews(), ctx.loadPresentation()]);
            }),
          ),
      ]),
    ]);
  }

  function render(): void {
    saveForm.hidden = !ctx.isEditor();
    list.replaceChildren(...ctx.views.get().map(item));
    if (!ctx.views.get().length) list.append(el('li', { className: 'hint small', text: 'No saved view yet.' }));
  }
  ctx.views.subscribe(render);
  ctx.presentation.subscribe(render);
  ctx.session.subscribe(render);
  render();
  return { element };
}
