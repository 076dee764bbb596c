import { ValidationFailedException } from '@ls/core';

/** The `project` query parameter of storage lists: absent lists nothing, as Label Studio. */
export function optionalProjectId(project: string | undefined): number | undefined {
  if (project === undefined || project === '') return undefined;
  if (!/^\d{1,9}$/.test(project)) {
    throw new ValidationFailedException({ project: ['A valid integer is required.'] });
  }
  return Number(project);
}
