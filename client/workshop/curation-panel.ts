/**
 * Curation controls for editors, on the selection: rename, change the type, merge another entity into
 * this one, split an alias off, add a relation with its source; on a relation: delete it or mark it
 * disputed. Each curation goes to the shared graph's log; the view then reloads what it touched.
 * Viewers never see these controls (and the server refuses their writes anyway).
 */
import { ENTITY_TYPES, RELATION_TYPES } from '../../graph/model/types';
import { relationLabel } from '../appearance/node-style';
import { isHypothesis } from '../graph/view-graph';
import { confirmAction } from '../ui/confirm-dialog';
import { button, el } from '../ui/dom';
import { curationTitle } from './curation-words';
import { createEntityPicker } from './entity-picker';
import type { CurationBody } from './workshop-api';
import { attempt, field, type WorkshopContext } from './workshop-context';

const ENTITY_TYPE_SET: ReadonlySet<string> = new Set(ENTITY_TYPES);

function choice(name: string, label: string, values: readonly string[], text = (v: string) => v): HTMLSelectElement {
  const select = el('select', { attrs: { name, 'aria-label': label } });
  for (const value of values) {
    const option = el('option', { text: text(value) });
    option.value = value;
    select.append(option);
  }
  return select;
}

export interface CurationPanel {
  element: HTMLElement;
  render(): void;
}

export function createCurationPanel(ctx: WorkshopContext): CurationPanel {
  const { app } = ctx;
  const element = el('div', { className: 'workshop-section curation-section' });
  const mergePicker = createEntityPicker(app, 'Merge with', 'merge-target');
  const relationPicker = createEntityPicker(app, 'Relation to', 'relation-target');

  async function curate(body: CurationBody): Promise<void> {
    const s = ctx.session.get();
    if (!s) return;
    const record = await ctx.api.curate(s.workshopId, body);
    ctx.emit('curation-applied', record);
    const done = curationTitle(record);
    app.notify(`Done: ${done}. Undo it from the log below.`);
  }

  /** Destructive curations change the shared graph for every workshop: they ask first. */
  async function curateAfterConfirm(question: { title: string; message: string; confirm: string }, body: CurationBody) {
    if (await confirmAction(question)) await curate(body);
  }
  const nameOf = (id: string) => (app.graph.hasNode(id) ? app.graph.getNodeAttribute(id, 'data').name : id);

  function nodeControls(id: string): HTMLElement[] {
    const data = app.graph.getNodeAttribute(id, 'data');
    const name = field('New name', 'rename');
    name.value = data.name;
    const keep = el('input', { attrs: { type: 'checkbox', name: 'keep-alias' } });
    keep.checked = true;
    const type = choice('change-type', 'New type', ENTITY_TYPES);
    type.value = data.type;
    const aliases = (data.aliases ?? []).filter((a) => a !== data.name);
    const alias = choice('split-alias', 'Alias to split off', aliases);
    const splitType = choice('split-type', 'Type of the new entity', ['', ...ENTITY_TYPES], (v) => v || 'same type');
    const relationType = choice('relation-type', 'Relation type', RELATION_TYPES, relationLabel);
    const sourceNote = el('textarea', {
      attrs: {
        name: 'source-note',
        rows: '2',
        'aria-label': 'Source of the relation',
        placeholder: 'Source (required)',
      },
    });
    mergePicker.refresh(id);
    relationPicker.refresh(id);
    return [
      el('div', { className: 'curate-rename' }, [
        name,
        el('label', {}, [keep, ' keep the old name as an alias']),
        button(
          'Rename',
          attempt(ctx, () =>
            curate({ kind: 'rename', entityId: id, name: name.value.trim(), keepOldNameAsAlias: keep.checked }),
          ),
        ),
      ]),
      el('div', { className: 'curate-type' }, [
        type,
        button(
          'Change type',
          attempt(ctx, () => curate({ kind: 'change-type', entityId: id, type: type.value as never })),
        ),
      ]),
      el('div', { className: 'curate-merge' }, [
        mergePicker.element,
        button(
          'Merge into this',
          attempt(ctx, async () => {
            const other = mergePicker.value();
            if (!other) return app.notify('Pick the entity to merge into this one.', 'error');
            await curateAfterConfirm(
              {
                title: `Merge ${nameOf(other)} into ${data.name}?`,
                message: `${nameOf(other)} becomes an alias of ${data.name} and its relations move to it, in the shared graph every workshop sees. The log can undo it.`,
                confirm: 'Merge',
              },
              { kind: 'merge', survivorId: id, mergedId: other },
            );
          }),
          { title: `The other entity becomes an alias of ${data.name}; its relations move here` },
        ),
      ]),
      aliases.length
        ? el('div', { className: 'curate-split' }, [
            alias,
            splitType,
            button(
              'Split alias off',
              attempt(ctx, () =>
                curateAfterConfirm(
                  {
                    title: `Split “${alias.value}” off ${data.name}?`,
                    message: `“${alias.value}” becomes an entity of its own, and the mentions under that name move to it. The log can undo it.`,
                    confirm: 'Split',
                  },
                  {
                    kind: 'split-alias',
                    entityId: id,
                    alias: alias.value,
                    ...(splitType.value ? { type: splitType.value as never } : {}),
                  },
                ),
              ),
            ),
          ])
        : el('p', { className: 'hint small', text: 'No alias to split off.' }),
      el('div', { className: 'curate-add-relation' }, [
        el('p', { className: 'hint small', text: `New relation from ${data.name}:` }),
        relationType,
        relationPicker.element,
        sourceNote,
        button(
          'Add relation',
          attempt(ctx, async () => {
            const target = relationPicker.value();
            if (!target) return app.notify('Pick the other end of the relation.', 'error');
            if (!sourceNote.value.trim()) return app.notify('Say where the relation comes from.', 'error');
            await curate({
              kind: 'add-relation',
              type: relationType.value as never,
              sourceId: id,
              targetId: target,
              sourceNote: sourceNote.value,
            });
          }),
        ),
      ]),
    ];
  }

  function edgeControls(id: string): HTMLElement[] {
    const data = app.graph.getEdgeAttribute(id, 'data');
    if (isHypothesis(data))
      return [el('p', { className: 'hint small', text: 'A hypothesis: delete it in the list of hypotheses.' })];
    const note = field('Why it is disputed', 'dispute-note', 'Why it is disputed (optional)');
    return [
      el('p', { className: 'hint small', text: `Relation: ${relationLabel(data.type)}` }),
      el('div', { className: 'curate-relation' }, [
        button(
          'Delete relation',
          attempt(ctx, () => {
            const [source, target] = app.graph.extremities(id);
            return curateAfterConfirm(
              {
                title: 'Delete this relation?',
                message: `“${nameOf(source)} ${relationLabel(data.type)} ${nameOf(target)}” leaves the shared graph for every workshop, with its evidence. The log can undo it.`,
                confirm: 'Delete',
              },
              { kind: 'delete-relation', relationId: id },
            );
          }),
          {
            title: 'A wrong relation: delete it from the shared graph (undo from the log)',
          },
        ),
        note,
        button(
          'Mark disputed',
          attempt(ctx, () => curate({ kind: 'dispute-relation', relationId: id, note: note.value })),
        ),
      ]),
    ];
  }

  function render(): void {
    const selection = app.view.get().selection;
    element.hidden = !ctx.isEditor();
    const parts: HTMLElement[] = [el('h3', { text: 'Curate' })];
    if (selection?.kind === 'node' && app.graph.hasNode(selection.id)) {
      if (ENTITY_TYPE_SET.has(app.graph.getNodeAttribute(selection.id, 'data').type))
        parts.push(...nodeControls(selection.id));
      else parts.push(el('p', { className: 'hint small', text: 'Only entities can be curated.' }));
    } else if (selection?.kind === 'edge' && app.graph.hasEdge(selection.id)) parts.push(...edgeControls(selection.id));
    else parts.push(el('p', { className: 'hint small', text: 'Select an entity or a relation to correct it.' }));
    element.replaceChildren(...parts);
  }

  app.view.subscribe((state, previous) => state.selection !== previous.selection && render());
  ctx.session.subscribe(render);
  render();
  return { element, render };
}
