/**
 * Who is asking: the participant token (header `X-Workshop-Token`, or `?token=` on the event stream,
 * because EventSource cannot set headers) must belong to a participant of the workshop in the path
 * (401 otherwise), and writes need the editor role (403 otherwise).
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ForbiddenError, UnauthorizedError } from '../../../graph/errors';
import { participantForToken, type Participant } from '../../../graph/workshop-store/workshop-repository';
import type { WorkshopStore } from '../../../graph/workshop-store/workshop-store';
import { canWrite } from '../../../graph/workshop/roles';

export const WORKSHOP_TOKEN_HEADER = 'X-Workshop-Token';

export function participantOf(res: Response): Participant {
  return res.locals.participant as Participant;
}

export function authenticate(store: WorkshopStore, { allowQueryToken = false } = {}): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const fromQuery = allowQueryToken && typeof req.query.token === 'string' ? req.query.token : undefined;
    const token = req.get(WORKSHOP_TOKEN_HEADER)?.trim() || fromQuery;
    if (!token) {
      throw new UnauthorizedError(
        `workshop ${req.params.id}: send your participant token in the ${WORKSHOP_TOKEN_HEADER} header (join the workshop to get one)`,
      );
    }
    if (token.length > 200)
      throw new UnauthorizedError(`workshop ${req.params.id}: the participant token is not valid`);
    const participant = participantForToken(store, String(req.params.id), token);
    if (!participant)
      throw new UnauthorizedError(`workshop ${req.params.id}: the participant token is not valid for this workshop`);
    res.locals.participant = participant;
    next();
  };
}

/** Throws ForbiddenError unless the participant is an editor. */
export function requireEditorRole(req: Request, res: Response): void {
  const participant = participantOf(res);
  if (!canWrite(participant.role)) {
    throw new ForbiddenError(
      `${req.method} ${req.baseUrl}${req.path}: ${participant.role}s cannot change the workshop or the graph; an editor can`,
      { details: { role: participant.role, needed: 'editor' } },
    );
  }
}

export const requireEditor: RequestHandler = (req, res, next) => {
  requireEditorRole(req, res);
  next();
};
