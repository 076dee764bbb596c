import { ForbiddenException } from '@nestjs/common';
import { AuthContext } from '@ls/auth';
import { effectiveRole } from '@ls/tasks';

export const PAUSED_DETAIL =
  'You are paused in this project: you cannot label its tasks until a manager resumes you.';

/**
 * 403 when the caller is paused in the project the route names (Enterprise §2.3): no label
 * stream, no new annotations. Only annotators and reviewers are ever paused. `projectId`, when
 * given, must be the project the pause was resolved for.
 */
export function assertNotPaused(auth: AuthContext, projectId?: number): void {
  const named = auth.project;
  if (!named?.pause) return;
  if (projectId !== undefined && named.id !== projectId) return;
  if (!effectiveRole(auth, named.id).limited) return;
  throw new ForbiddenException(named.pause.verbose_reason?.trim() || PAUSED_DETAIL);
}
