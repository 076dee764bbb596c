import { NotFoundException } from '@nestjs/common';
import { AuthContext } from '../context/auth-context';

/**
 * Member tag routes name an organization in their path; the caller's permissions are those of
 * their active organization, so only that one is reachable: any other answers 404.
 */
export function assertActiveOrganization(auth: AuthContext, organizationId: number): void {
  if (organizationId !== auth.organizationId) throw new NotFoundException('Not found.');
}
