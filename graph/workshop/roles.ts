/**
 * Workshop roles and what each may do. Viewers read everything in their workshop; editors also write
 * (views, annotations, hypotheses, curations, presenting). Checked server-side on every write.
 */
export const WORKSHOP_ROLES = ['viewer', 'editor'] as const;
export type WorkshopRole = (typeof WORKSHOP_ROLES)[number];

export function canWrite(role: WorkshopRole): boolean {
  return role === 'editor';
}
