import { ForbiddenException } from '@nestjs/common';
import { AuthContext } from '@ls/auth';
import { effectiveRole } from '@ls/tasks';

const NOT_YOURS = 'You may only change your own annotations.';

/**
 * Annotators and reviewers change and delete only their own annotations, and write annotations
 * only in their own name; managers and above any (Enterprise §1.2).
 */
export function assertMayChange(
  auth: AuthContext,
  annotation: { project_id: number; completed_by_id: number | null },
): void {
  if (!effectiveRole(auth, annotation.project_id).limited) return;
  if (annotation.completed_by_id !== auth.user.id) throw new ForbiddenException(NOT_YOURS);
}

/** A limited caller may not name another author (`completed_by`) for an annotation. */
export function assertMayAuthor(
  auth: AuthContext,
  projectId: number,
  completedBy: number | undefined,
): void {
  if (completedBy === undefined || completedBy === auth.user.id) return;
  if (effectiveRole(auth, projectId).limited) throw new ForbiddenException(NOT_YOURS);
}
