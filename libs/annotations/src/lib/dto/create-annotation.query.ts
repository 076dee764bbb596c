import { IsIn, IsOptional } from 'class-validator';

export class CreateAnnotationQuery {
  /** `?was_cancelled=1` marks the new annotation as a skip, whatever the body says. */
  @IsOptional() @IsIn(['0', '1', 'true', 'false']) was_cancelled?: string;
}
