import { IsIn, IsOptional } from 'class-validator';
import { ANNOTATION_ORDERINGS } from '../annotations.service';

export class TaskAnnotationsQuery {
  @IsOptional() @IsIn(ANNOTATION_ORDERINGS) ordering?: string;
}
