/**
 * Typed calls for the documents list and what imports changed, over the client's one transport: the list
 * with what each document contributes, a past import's or a job's changes, removing a document (from inside
 * a workshop through the workshop's route with the participant token, where only editors may) and the
 * stream that tells every open page when documents come or go.
 */
import type { DocumentListResponse, ImportChangesResponse } from '../../graph/model/api-types';
import type { ApiTransport } from '../api/api-client';
import type { UploadWorkshop } from './upload-api';

export interface DocumentsApi {
  list(): Promise<DocumentListResponse>;
  changesOfDocument(documentId: string): Promise<ImportChangesResponse>;
  changesOfJob(jobId: string): Promise<ImportChangesResponse>;
  remove(documentId: string, workshop: UploadWorkshop | null): Promise<void>;
  /** For an EventSource, which sends no headers: the API token travels in the query of this one route. */
  eventsUrl(): string;
}

/** The most documents the list asks for at once (the API's own cap). */
const LIST_LIMIT = 1000;

export function createDocumentsApi(transport: ApiTransport): DocumentsApi {
  const id = encodeURIComponent;
  const json = async <T>(path: string) =>
    (await (await transport.send(path, { headers: { accept: 'application/json' } })).json()) as T;
  return {
    list: () => json(`/api/documents?limit=${LIST_LIMIT}`),
    changesOfDocument: (documentId) => json(`/api/documents/${id(documentId)}/changes`),
    changesOfJob: (jobId) => json(`/api/jobs/${id(jobId)}/changes`),
    async remove(documentId, workshop) {
      const path = workshop
        ? `/api/workshops/${id(workshop.workshopId)}/documents/${id(documentId)}`
        : `/api/documents/${id(documentId)}`;
      const headers = new Headers();
      if (workshop) headers.set('x-workshop-token', workshop.token);
      await transport.send(path, { method: 'DELETE', headers });
    },
    eventsUrl() {
      const token = transport.apiToken();
      return `/api/documents/events${token ? `?${new URLSearchParams({ access_token: token })}` : ''}`;
    },
  };
}
