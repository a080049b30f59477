/**
 * Typed calls to add documents, over the client's one transport (which adds the API token): files as
 * multipart parts named `files`, pasted text as JSON, and a job's state and event stream. From inside a
 * workshop the upload goes to the workshop's route with the participant token, where only editors may add.
 */
import type { ImportJob } from '../../graph/model/api-types';
import type { ApiTransport } from '../api/api-client';

/** The workshop an upload is made from, when the tab has joined one. */
export interface UploadWorkshop {
  workshopId: string;
  token: string;
}

export interface UploadApi {
  uploadFiles(files: File[], workshop: UploadWorkshop | null): Promise<ImportJob>;
  pasteText(title: string, text: string, workshop: UploadWorkshop | null): Promise<ImportJob>;
  job(id: string): Promise<ImportJob>;
  /** For an EventSource, which sends no headers: the API token travels in the query of this one route. */
  eventsUrl(id: string): string;
}

export function createUploadApi(transport: ApiTransport): UploadApi {
  const route = (workshop: UploadWorkshop | null) =>
    workshop ? `/api/workshops/${encodeURIComponent(workshop.workshopId)}/documents` : '/api/documents';
  const headers = (workshop: UploadWorkshop | null, json: boolean) => {
    const h = new Headers({ accept: 'application/json' });
    if (workshop) h.set('x-workshop-token', workshop.token);
    if (json) h.set('content-type', 'application/json');
    return h;
  };
  return {
    async uploadFiles(files, workshop) {
      const form = new FormData();
      for (const file of files) form.append('files', file, file.name);
      // No content-type header: the browser writes the multipart boundary itself.
      const response = await transport.send(route(workshop), {
        method: 'POST',
        headers: headers(workshop, false),
        body: form,
      });
      return (await response.json()) as ImportJob;
    },
    async pasteText(title, text, workshop) {
      const response = await transport.send(route(workshop), {
        method: 'POST',
        headers: headers(workshop, true),
        body: JSON.stringify({ title, text }),
      });
      return (await response.json()) as ImportJob;
    },
    async job(id) {
      return (await (await transport.send(`/api/jobs/${encodeURIComponent(id)}`)).json()) as ImportJob;
    },
    eventsUrl(id) {
      const token = transport.apiToken();
      return `/api/jobs/${encodeURIComponent(id)}/events${token ? `?${new URLSearchParams({ access_token: token })}` : ''}`;
    },
  };
}
