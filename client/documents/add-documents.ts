/**
 * "Add documents": a toolbar button with a dialog (a file picker for several files at once, and a pasted
 * text with its title), files dropped anywhere on the explorer, and a progress list of the import jobs of
 * this tab that stays when the dialog closes (and after a reload: the jobs are asked for again). When a
 * job ends its summary is shown and `onImported` brings what it changed into the view. Viewers of a workshop see the button
 * disabled with the reason.
 */
import type { ImportJob } from '../../graph/model/api-types';
import { plainMessage } from '../api/api-error';
import { createStore, type Store } from '../state/store';
import { button, el } from '../ui/dom';
import type { WorkshopSession } from '../workshop/workshop-session';
import type { DocumentsApp } from './documents-app';
import {
  FILE_STATE_WORDS,
  addedDocumentIds,
  applyJobEvent,
  isFinished,
  parseJobEvent,
  summaryText,
  type JobEvent,
} from './import-progress';
import { createUploadApi, type UploadWorkshop } from './upload-api';

const ACCEPTED = '.txt,.md,.markdown,.html,.htm,.pdf,.docx';
/** The jobs this tab follows, so that a reload picks them up again. */
const JOBS_STORAGE_KEY = 'dossier.importJobs';

export interface AddDocuments {
  button: HTMLButtonElement;
  progress: HTMLElement;
  /** Opens the dialog (also what the empty explorer offers). */
  open(): void;
}

export function createAddDocuments(
  app: Pick<DocumentsApp, 'api' | 'notify'>,
  options: { session: Store<WorkshopSession | null>; onImported: (job: ImportJob) => Promise<void> },
): AddDocuments {
  const api = createUploadApi(app.api);
  const jobs = createStore<ImportJob[]>([]);
  const streams = new Map<string, EventSource>();

  /** Why this tab may not add documents, or null when it may. */
  function refusal(): string | null {
    const s = options.session.get();
    return s && s.role !== 'editor'
      ? `Viewers of the workshop "${s.workshopName}" cannot add documents; an editor can.`
      : null;
  }
  const workshop = (): UploadWorkshop | null => {
    const s = options.session.get();
    return s ? { workshopId: s.workshopId, token: s.token } : null;
  };

  // ---- jobs ----
  function remember(): void {
    sessionStorage.setItem(JOBS_STORAGE_KEY, JSON.stringify(jobs.get().map((j) => j.id)));
  }
  function put(job: ImportJob): void {
    jobs.update((list) =>
      list.some((j) => j.id === job.id) ? list.map((j) => (j.id === job.id ? job : j)) : [...list, job],
    );
  }
  function follow(job: ImportJob): void {
    put(job);
    remember();
    if (isFinished(job) || streams.has(job.id)) return;
    const source = new EventSource(api.eventsUrl(job.id));
    streams.set(job.id, source);
    const on = (type: JobEvent['type']) =>
      source.addEventListener(type, (message) => {
        const event = parseJobEvent(type, (message as MessageEvent<string>).data);
        if (!event) return;
        const current = jobs.get().find((j) => j.id === job.id) ?? job;
        const next = applyJobEvent(current, event);
        put(next);
        if (isFinished(next) && !isFinished(current)) void finished(next);
        if (isFinished(next)) stop(job.id);
      });
    on('snapshot');
    on('file');
    on('job');
    // A stream that cannot be reopened (the job is gone): ask once more, then stop following.
    source.addEventListener('error', () => {
      if (source.readyState !== EventSource.CLOSED) return;
      stop(job.id);
      api.job(job.id).then(
        (fresh) => {
          put(fresh);
          if (isFinished(fresh)) void finished(fresh);
        },
        () => undefined,
      );
    });
  }
  function stop(id: string): void {
    streams.get(id)?.close();
    streams.delete(id);
  }
  async function finished(job: ImportJob): Promise<void> {
    app.notify(`Import finished: ${summaryText(job)}.`, job.state === 'failed' ? 'error' : 'info');
    if (addedDocumentIds(job).length) await options.onImported(job);
  }
  async function start(send: () => Promise<ImportJob>): Promise<void> {
    const reason = refusal();
    if (reason) return app.notify(reason, 'error');
    try {
      follow(await send());
      progress.hidden = false;
    } catch (error) {
      app.notify(plainMessage(error), 'error');
    }
  }
  const uploadFiles = (files: File[]) => files.length && void start(() => api.uploadFiles(files, workshop()));

  // ---- the dialog ----
  const dialog = el('dialog', { className: 'add-documents-dialog', attrs: { 'aria-label': 'Add documents' } });
  const picker = el('input', {
    attrs: { type: 'file', multiple: '', accept: ACCEPTED, 'aria-label': 'Choose files', name: 'files' },
  });
  picker.addEventListener('change', () => {
    const files = [...(picker.files ?? [])];
    picker.value = '';
    dialog.close();
    uploadFiles(files);
  });
  const title = el('input', {
    attrs: { name: 'paste-title', 'aria-label': 'Title', placeholder: 'Title', autocomplete: 'off' },
  });
  const text = el('textarea', {
    attrs: { name: 'paste-text', 'aria-label': 'Text', placeholder: 'Paste the text here', rows: '8' },
  });
  const addText = button('Add text', () => {
    if (!title.value.trim() || !text.value.trim()) return app.notify('Give the text a title and some text.', 'error');
    const [t, body] = [title.value.trim(), text.value];
    title.value = '';
    text.value = '';
    dialog.close();
    void start(() => api.pasteText(t, body, workshop()));
  });
  dialog.append(
    el('h2', { text: 'Add documents' }),
    el('p', {
      className: 'hint',
      text: 'PDF (with a text layer), Word (.docx), text, Markdown or HTML, several at once. You can also drop files anywhere on the explorer.',
    }),
    el('label', { className: 'file-picker' }, ['Choose files… ', picker]),
    el('h3', { text: 'Or paste a text' }),
    title,
    text,
    el('div', { className: 'dialog-actions' }, [button('Close', () => dialog.close()), addText]),
  );
  document.body.append(dialog);

  const openButton = button('Add documents', () => open(), { className: 'add-documents' });
  function open(): void {
    const reason = refusal();
    if (reason) return app.notify(reason, 'error');
    if (!dialog.open) dialog.showModal();
  }
  function renderButton(): void {
    const reason = refusal();
    openButton.disabled = reason !== null;
    openButton.title = reason ?? 'Add PDF, Word, text, Markdown or HTML files, or paste a text';
    if (reason) openButton.dataset.reason = reason;
    else delete openButton.dataset.reason;
  }
  options.session.subscribe(renderButton);
  renderButton();

  // ---- drop anywhere ----
  const dropHint = el('div', { className: 'drop-hint', text: 'Drop the files to add them' });
  dropHint.hidden = true;
  document.body.append(dropHint);
  const carriesFiles = (event: DragEvent) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  let depth = 0;
  document.addEventListener('dragenter', (event) => {
    if (!carriesFiles(event)) return;
    depth++;
    dropHint.hidden = false;
    dropHint.textContent = refusal() ?? 'Drop the files to add them';
  });
  document.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = refusal() ? 'none' : 'copy';
  });
  document.addEventListener('dragleave', (event) => {
    if (!carriesFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) dropHint.hidden = true;
  });
  document.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth = 0;
    dropHint.hidden = true;
    uploadFiles([...(event.dataTransfer?.files ?? [])]);
  });

  // ---- the progress list ----
  const progress = el('section', {
    className: 'import-progress',
    attrs: { 'aria-label': 'Imports', 'aria-live': 'polite' },
  });
  progress.hidden = true;
  function renderJob(job: ImportJob): HTMLElement {
    return el('div', { className: `import-job ${job.state}`, dataset: { jobId: job.id, state: job.state } }, [
      el('div', {
        className: 'import-summary',
        text: `${isFinished(job) ? 'Import finished' : 'Importing'}: ${summaryText(job)}`,
      }),
      job.reason ? el('div', { className: 'import-reason hint small', text: job.reason }) : null,
      el(
        'ul',
        { className: 'import-files' },
        job.files.map((f) =>
          el('li', { className: `import-file ${f.state}`, dataset: { state: f.state } }, [
            el('span', { className: 'import-file-name', text: f.name }),
            el('span', { className: 'import-file-state', text: FILE_STATE_WORDS[f.state] }),
            f.state === 'failed' && f.reason
              ? el('div', { className: 'import-file-reason small', text: f.reason })
              : null,
          ]),
        ),
      ),
    ]);
  }
  const clearFinished = button('Clear finished', () => {
    jobs.update((list) => list.filter((j) => !isFinished(j)));
    remember();
    if (!jobs.get().length) progress.hidden = true;
  });
  const list = el('div', { className: 'import-jobs' });
  progress.append(el('div', { className: 'import-head' }, [el('h3', { text: 'Imports' }), clearFinished]), list);
  jobs.subscribe((all) => {
    list.replaceChildren(...[...all].reverse().map(renderJob));
    clearFinished.disabled = !all.some(isFinished);
  });

  // Jobs this tab followed before a reload.
  try {
    const ids = JSON.parse(sessionStorage.getItem(JOBS_STORAGE_KEY) ?? '[]') as unknown;
    if (Array.isArray(ids) && ids.length) {
      progress.hidden = false;
      for (const id of ids.filter((x): x is string => typeof x === 'string')) api.job(id).then(follow, () => undefined);
    }
  } catch {
    sessionStorage.removeItem(JOBS_STORAGE_KEY);
  }

  return { button: openButton, progress, open };
}
