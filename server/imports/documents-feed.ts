/**
 * Tells every open page that the stored documents changed (an import job stored some, or one was removed),
 * as server-sent events on `GET /api/documents/events` for a page outside a workshop (inside one, the
 * workshop's stream carries the same frames: event-stream.ts): a `documents` frame per change, a comment every
 * 15 s so proxies keep the connection open. Nothing is replayed to a page that reconnects: what it missed
 * is in the documents list and the document log, which it reads again on `ready`. One server process is
 * assumed, as for the workshop event bus.
 */
import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import type { DocumentsChangedEvent } from '../../graph/model/api-types';
import { formatEvent, startEventStream } from '../http/event-stream-response';

const HEARTBEAT_MS = 15_000;

export class DocumentsFeed {
  private readonly events = new EventEmitter();

  constructor() {
    this.events.setMaxListeners(0);
  }

  publish(event: DocumentsChangedEvent): void {
    this.events.emit('documents', event);
  }

  subscribe(listener: (event: DocumentsChangedEvent) => void): () => void {
    this.events.on('documents', listener);
    return () => this.events.off('documents', listener);
  }

  /** One page's stream, open until it goes. */
  open(req: Request, res: Response): void {
    startEventStream(res);
    res.write(formatEvent('ready', { at: new Date().toISOString() }));
    const unsubscribe = this.subscribe((event) => {
      if (!res.writableEnded) res.write(formatEvent('documents', event));
    });
    const heartbeat = setInterval(() => !res.writableEnded && res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  }
}
