/** The workshop this tab has joined, kept in sessionStorage (the token never leaves this browser tab). */
import type { WorkshopRole } from '../../graph/workshop/roles';

export interface WorkshopSession {
  workshopId: string;
  workshopName: string;
  displayName: string;
  role: WorkshopRole;
  token: string;
  editorCode?: string;
  viewerCode?: string;
}

export const WORKSHOP_SESSION_KEY = 'dossier.workshop';

export function loadSession(): WorkshopSession | null {
  try {
    const raw = sessionStorage.getItem(WORKSHOP_SESSION_KEY);
    const parsed = raw ? (JSON.parse(raw) as WorkshopSession) : null;
    return parsed && typeof parsed.token === 'string' && typeof parsed.workshopId === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

export function saveSession(session: WorkshopSession | null): void {
  if (session) sessionStorage.setItem(WORKSHOP_SESSION_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(WORKSHOP_SESSION_KEY);
}
