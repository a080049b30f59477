/**
 * The audit log: every curation of the shared graph, newest first, who and when, what changed in words,
 * undone ones marked; an editor can undo the latest one (undo works like a stack, and only the workshop
 * that made a curation may undo it). Below it, every document added or removed, by whom and when.
 */
import type { DocumentLogEntry } from '../../graph/model/api-types';
import type { CurationSummary } from '../../graph/workshop/types';
import { button, el } from '../ui/dom';
import { describeCuration, undoableEntry } from './curation-words';
import { attempt, type WorkshopContext } from './workshop-context';

export function createAuditLog(ctx: WorkshopContext): HTMLElement {
  const element = el('div', { className: 'workshop-section audit-log' });
  const list = el('ol', { className: 'curation-log', attrs: { reversed: '' } });
  const documentList = el('ol', { className: 'document-log' });
  element.append(
    el('h3', { text: 'Curation log' }),
    list,
    el('h3', { text: 'Documents added and removed' }),
    documentList,
  );
  let log: CurationSummary[] = [];
  let documentLog: DocumentLogEntry[] = [];
  let request = 0;

  async function load(): Promise<void> {
    const s = ctx.session.get();
    const id = ++request;
    if (!s) {
      log = [];
      return render();
    }
    try {
      const [loaded, documents] = await Promise.all([ctx.api.curations(s.workshopId), ctx.app.api.documentLog()]);
      if (id === request) [log, documentLog] = [loaded, documents];
    } catch (error) {
      ctx.fail(error);
    }
    render();
  }

  function entry(c: CurationSummary, undoable: boolean): HTMLElement {
    const words = describeCuration(c);
    const s = ctx.session.get();
    return el(
      'li',
      { className: `curation-entry${c.undone ? ' undone' : ''}`, dataset: { curationId: c.id, kind: c.kind } },
      [
        el('div', { className: 'curation-title' }, [
          el('span', { className: 'curation-words', text: words.title }),
          c.undone ? el('span', { className: 'curation-undone', text: ' (undone)' }) : null,
        ]),
        el('div', {
          className: 'curation-meta hint small',
          text: `#${c.seq} · ${c.kind} · ${c.at.replace('T', ' ').slice(0, 19)}`,
        }),
        words.details.length
          ? el(
              'ul',
              { className: 'curation-diff' },
              words.details.map((line) => el('li', { text: line })),
            )
          : null,
        undoable && s && ctx.isEditor()
          ? button(
              'Undo',
              attempt(ctx, async () => {
                const record = await ctx.api.undoCuration(s.workshopId);
                ctx.emit('curation-undone', record);
              }),
              { className: 'undo-curation', title: 'Put the graph back as it was before this curation' },
            )
          : null,
      ],
    );
  }

  function render(): void {
    element.hidden = !ctx.session.get();
    const newest = [...log].sort((a, b) => b.seq - a.seq);
    const undoable = undoableEntry(newest, ctx.session.get()?.workshopId ?? '');
    list.replaceChildren(...newest.map((c) => entry(c, c === undoable)));
    if (!log.length) list.append(el('li', { className: 'hint small', text: 'No curation yet.' }));
    documentList.replaceChildren(
      ...documentLog.map((entry) =>
        el('li', { className: 'document-entry', dataset: { action: entry.action, documentId: entry.documentId } }, [
          el('div', {
            className: 'curation-words',
            text: `${entry.by.name} ${entry.action === 'removed' ? 'removed' : 'added'} “${entry.title}” (${entry.fileName})`,
          }),
          el('div', { className: 'curation-meta hint small', text: entry.at.replace('T', ' ').slice(0, 19) }),
        ]),
      ),
    );
    if (!documentLog.length) documentList.append(el('li', { className: 'hint small', text: 'No document added yet.' }));
  }

  for (const signal of ['curation-applied', 'curation-undone', 'resync'] as const) ctx.on(signal, () => void load());
  ctx.app.ui.subscribe((state, previous) => state.documentsVersion !== previous.documentsVersion && void load());
  ctx.session.subscribe(() => void load());
  render();
  return element;
}
