/**
 * One server-sent events stream: `event: <type>` / `id:` / `data: <json>` frames from the workshop's
 * bus, a `ready` frame first (who you are, where the presenter is), and a comment every 15 s so proxies
 * keep the connection open. The browser's EventSource reconnects by itself (`retry: 2000`) and sends
 * `Last-Event-ID`: the events it missed are sent again, or a `resync` event when they cannot be.
 *
 * The documents feed's `documents` frames ride along, so that a page in a workshop holds this one stream
 * and not also `/api/documents/events`: a browser gives a host six HTTP/1.1 connections, and two
 * permanent streams a tab left three tabs with none. They carry no `id:`, so `Last-Event-ID` stays the
 * bus's; a page that reconnects reads its documents lists again on `ready`, as with the feed's own stream.
 */
import type { Request, Response } from 'express';
import type { Participant } from '../../../graph/workshop/types';
import type { WorkshopEvent, WorkshopEventBus } from './event-bus';
import { formatEvent, startEventStream } from '../../http/event-stream-response';
import type { DocumentsFeed } from '../../imports/documents-feed';

const HEARTBEAT_MS = 15_000;

export function openEventStream(
  req: Request,
  res: Response,
  bus: WorkshopEventBus,
  workshopId: string,
  participant: Participant,
  documents: DocumentsFeed,
): void {
  startEventStream(res);
  const send = (event: WorkshopEvent) => {
    if (!res.writableEnded) res.write(formatEvent(event.type, event, bus.sseId(event)));
  };
  const lastEventId = req.get('Last-Event-ID');
  if (lastEventId) {
    const missed = bus.since(workshopId, lastEventId);
    if (missed) missed.forEach(send);
    else
      res.write(
        formatEvent('resync', { workshopId, reason: 'events were missed; reload views, annotations and the log' }),
      );
  }
  res.write(formatEvent('ready', { workshopId, participant, presenter: bus.presenter(workshopId) }));
  const unsubscribeBus = bus.subscribe(workshopId, send);
  const unsubscribeDocuments = documents.subscribe((event) => {
    if (!res.writableEnded) res.write(formatEvent('documents', event));
  });
  const heartbeat = setInterval(() => !res.writableEnded && res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  let untrack = () => {};
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribeBus();
    unsubscribeDocuments();
    untrack();
  };
  untrack = bus.trackStream(participant.id, () => {
    stop();
    res.end();
  });
  req.on('close', stop);
}
