import { IsInt, IsObject, IsOptional, IsString, MaxLength, Min } from 'class-validator';

export const ACTIONS_QUEUE = 'data-manager-actions';
export const ACTION_JOB = 'data-manager-actions.run';

/** An action on a selection too large to apply within a request, as the request gave it. */
export class ActionJobPayload {
  @IsString()
  @MaxLength(100)
  actionId!: string;

  @IsInt()
  @Min(1)
  projectId!: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  viewId?: number;

  /** Who asked: the action runs with their role as it is when the job runs. */
  @IsInt()
  @Min(1)
  userId!: number;

  @IsInt()
  @Min(1)
  organizationId!: number;

  /** The request's prepare params (filters, selectedItems, ordering). */
  @IsObject()
  params!: Record<string, unknown>;

  /** The dialog's form fields. */
  @IsObject()
  fields!: Record<string, unknown>;
}
