/**
 * Analyst workshops under /api/workshops: create and join, saved views and the presentation order,
 * annotations, hypotheses, curations with their audit log and undo, the presenter's position and the
 * live event stream. Creating a workshop needs the right to change the shared graph: the API token when
 * one is configured (checked for all of /api in app.ts), else the local user. Reads need a participant
 * token; writes need the editor role. Text is stored and answered verbatim as JSON (never as HTML).
 */
import { Router, type Response } from 'express';
import { z } from 'zod';
import {
  applyAndRecordCuration,
  getCuration,
  listCurations,
  toSummary,
  undoCuration,
} from '../../../graph/neo4j/curation-repository';
import {
  addAnnotation,
  addHypothesis,
  createView,
  createWorkshop,
  deleteAnnotation,
  deleteHypothesis,
  deleteView,
  duplicateView,
  getPresentation,
  getView,
  getWorkshop,
  joinWorkshop,
  listAnnotations,
  listHypotheses,
  listViews,
  removeParticipant,
  setPresentation,
  updateView,
  type Author,
} from '../../../graph/workshop-store/workshop-repository';
import {
  annotationBody,
  annotationQuery,
  createWorkshopBody,
  curationBody,
  duplicateViewBody,
  hypothesisBody,
  hypothesisQuery,
  joinWorkshopBody,
  presentationBody,
  presenterBody,
  recordIdSchema,
  savedViewBody,
  savedViewPatch,
} from '../../../graph/workshop/schemas';
import type { AppDeps } from '../../app-deps';
import { parseWith } from '../../http/validate';
import { WorkshopEventBus, type WorkshopEventType } from './event-bus';
import { openEventStream } from './event-stream';
import { authenticate, participantOf, requireEditor, requireEditorRole } from './workshop-access';

const workshopParams = z.object({ id: recordIdSchema });
const viewParams = z.object({ id: recordIdSchema, viewId: recordIdSchema });
const annotationParams = z.object({ id: recordIdSchema, annotationId: recordIdSchema });
const hypothesisParams = z.object({ id: recordIdSchema, hypothesisId: recordIdSchema });
const curationParams = z.object({ id: recordIdSchema, curationId: recordIdSchema });
const participantParams = z.object({ id: recordIdSchema, participantId: recordIdSchema });
const curationQuery = z.object({
  scope: z.enum(['all', 'workshop']).default('all'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export function workshopRoutes({ connection, workshops, imports }: AppDeps, bus = new WorkshopEventBus()): Router {
  const router = Router();
  const member = authenticate(workshops);
  const editor = [member, requireEditor];

  const author = (res: Response): Author => {
    const participant = participantOf(res);
    return { id: participant.id, name: participant.displayName };
  };
  const publish = (res: Response, workshopId: string, type: WorkshopEventType, data: unknown) => {
    const a = author(res);
    bus.publish(workshopId, type, data, { id: a.id, name: a.name });
  };

  // ---- workshops and participants ----
  router.post('/workshops', (req, res) => {
    const body = parseWith(createWorkshopBody, req.body);
    res.status(201).json(createWorkshop(workshops, body.name, body.displayName));
  });
  router.post('/workshops/join', (req, res) => {
    const body = parseWith(joinWorkshopBody, req.body);
    const joined = joinWorkshop(workshops, body.code, body.displayName);
    bus.publish(joined.workshop.id, 'participant-joined', joined.participant, {
      id: joined.participant.id,
      name: joined.participant.displayName,
    });
    res.json(joined);
  });
  router.get('/workshops/:id', member, (req, res) => {
    const { id } = parseWith(workshopParams, req.params);
    res.json({ ...getWorkshop(workshops, id), me: participantOf(res) });
  });

  router.delete('/workshops/:id/participants/:participantId', member, (req, res) => {
    const { id, participantId } = parseWith(participantParams, req.params);
    const me = participantOf(res);
    const target = participantId === 'me' ? me.id : participantId;
    if (target !== me.id) requireEditorRole(req, res);
    const removed = removeParticipant(workshops, id, target);
    bus.endStreams(removed.id);
    bus.publish(id, 'participant-left', removed, { id: me.id, name: me.displayName });
    res.status(204).end();
  });

  // ---- saved views ----
  router.get('/workshops/:id/views', member, (req, res) => {
    const { id } = parseWith(workshopParams, req.params);
    res.json({ views: listViews(workshops, id) });
  });
  router.get('/workshops/:id/views/:viewId', member, (req, res) => {
    const { id, viewId } = parseWith(viewParams, req.params);
    res.json(getView(workshops, id, viewId));
  });
  router.post('/workshops/:id/views', ...editor, (req, res) => {
    const { id } = parseWith(workshopParams, req.params);
    const view = createView(workshops, id, parseWith(savedViewBody, req.body), author(res));
    publish(res, id, 'view-saved', view);
    res.status(201).json(view);
  });
  router.patch('/workshops/:id/views/:viewId', ...editor, (req, res) => {
    const { id, viewId } = parseWith(viewParams, req.params);
    const view = updateView(workshops, id, viewId, parseWith(savedViewPatch, req.body));
    publish(res, id, 'view-saved', view);
    res.json(view);
  });
  router.post('/workshops/:id/views/:viewId/duplicate', ...editor, (req, res) => {
    const { id, viewId } = parseWith(viewParams, req.params);
    const { name } = parseWith(duplicateViewBody, req.body ?? {});
    const view = duplicateView(workshops, id, viewId, name, author(res));
    publish(res, id, 'view-saved', view);
    res.status(201).json(view);
  });
  router.delete('/workshops/:id/views/:viewId', ...editor, (req, res) => {
    const { id, viewId } = parseWith(viewParams, req.params);
    deleteView(workshops, id, viewId);
    publish(res, id, 'view-deleted', { id: viewId });
    res.status(204).end();
  });

  // ---- presentation ----
  router.get('/workshops/:id/presentation', member, (req, res) => {
    const { id } = parseWith(workshopParams, req.params);
    const views = getPresentation(workshops, id);
    res.json({ viewIds: views.map((view) => view.id), views });
  });
  router.put('/workshops/:id/presentation', ...editor, (req, res) => {
    const { id } = parseWith(workshopParams, req.params);
    const viewIds = setPresentation(workshops, id, parseWith(presentationBody, req.body).viewIds);
    publish(res, id, 'presentation-changed', { viewIds });
    res.json({ viewIds });
  });
  router.get('/workshops/:id/presenter', member, (req, res) => {
    const { id } = parseWith(workshopParams, req.params);
    res.json({ presenter: bus.presenter(id) });
  });
  router.post('/workshops/:id/presenter', ...editor, (req, res) => {
    const { id } = parseWith(workshopParams, req.params);
    const state = parseWith(presenterBody, req.body);
    const position = { ...state, presenter: author(res), at: new Date().toISOString() };
    publish(res, id, 'presenter-moved', position);
    res.json({ presenter: position });
  });

  // ---- annotations ----
  router.get('/workshops/:id/annotations', member, async (req, res) => {
    const { id } = parseWith(workshopParams, req.params);
    res.json({ annotations: await listAnnotations(workshops, connection, id, parseWith(annotationQuery, req.query)) });
  });
  router.post('/workshops/:id/annotations', ...editor, (req, res) => {
    const { id } = parseWith(workshopParams, req.params);
    const annotation = addAnnotation(workshops, id, parseWith(annotationBody, req.body), author(res));
    publish(res, id, 'annotation-added', annotation);
    res.status(201).json(annotation);
  });
  router.delete('/workshops/:id/annotations/:annotationId', ...editor, (req, res) => {
    const { id, annotationId } = parseWith(annotationParams, req.params);
    deleteAnnotation(workshops, id, annotationId);
    publish(res, id, 'annotation-deleted', { id: annotationId });
    res.status(204).end();
  });

  // ---- hypotheses ----
  router.get('/workshops/:id/hypotheses', member, async (req, res) => {
    const { id } = parseWith(workshopParams, req.params);
    res.json({ hypotheses: await listHypotheses(workshops, connection, id, parseWith(hypothesisQuery, req.query)) });
  });
  router.post('/workshops/:id/hypotheses', ...editor, async (req, res) => {
    const { id } = parseWith(workshopParams, req.params);
    const hypothesis = await addHypothesis(workshops, connection, id, parseWith(hypothesisBody, req.body), author(res));
    publish(res, id, 'hypothesis-added', hypothesis);
    res.status(201).json(hypothesis);
  });
  router.delete('/workshops/:id/hypotheses/:hypothesisId', ...editor, (req, res) => {
    const { id, hypothesisId } = parseWith(hypothesisParams, req.params);
    deleteHypothesis(workshops, id, hypothesisId);
    publish(res, id, 'hypothesis-deleted', { id: hypothesisId });
    res.status(204).end();
  });

  // ---- curations ----
  router.get('/workshops/:id/curations', member, async (req, res) => {
    const { id } = parseWith(workshopParams, req.params);
    const query = parseWith(curationQuery, req.query);
    res.json({
      curations: await listCurations(connection, {
        workshopId: query.scope === 'workshop' ? id : undefined,
        limit: query.limit,
      }),
    });
  });
  router.get('/workshops/:id/curations/:curationId', member, async (req, res) => {
    const { curationId } = parseWith(curationParams, req.params);
    res.json(await getCuration(connection, curationId));
  });
  router.post('/workshops/:id/curations', ...editor, async (req, res) => {
    const { id } = parseWith(workshopParams, req.params);
    const a = author(res);
    const record = await applyAndRecordCuration(connection, parseWith(curationBody, req.body), {
      author: a.name,
      authorId: a.id,
      workshopId: id,
    });
    publish(res, id, 'curation-applied', toSummary(record));
    res.status(201).json(record);
  });
  router.post('/workshops/:id/curations/undo', ...editor, async (req, res) => {
    const { id } = parseWith(workshopParams, req.params);
    const record = await undoCuration(connection, author(res).name, { workshopId: id });
    publish(res, id, 'curation-undone', toSummary(record));
    res.json(record);
  });
  router.post('/workshops/:id/curations/:curationId/undo', ...editor, async (req, res) => {
    const { id, curationId } = parseWith(curationParams, req.params);
    const record = await undoCuration(connection, author(res).name, { workshopId: id, curationId });
    publish(res, id, 'curation-undone', toSummary(record));
    res.json(record);
  });

  // ---- live ----
  router.get('/workshops/:id/events', authenticate(workshops, { allowQueryToken: true }), (req, res) => {
    const { id } = parseWith(workshopParams, req.params);
    openEventStream(req, res, bus, id, participantOf(res), imports.feed);
  });

  return router;
}
