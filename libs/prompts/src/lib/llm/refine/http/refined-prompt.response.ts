import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  PromptVersionResponse,
  serializePromptVersion,
} from '../../prompts/http/prompt-version.response';
import { usd } from '../../cost/cost-estimator';
import type { RefinementView } from '../refinements.service';

/** The contract's `RefinedPromptResponse`. */
@ApiSchema({ name: 'RefinedPromptResponse' })
export class RefinedPromptResponse {
  @ApiProperty({ nullable: true, type: String, description: 'Title of the refined prompt' })
  title!: string | null;

  @ApiProperty({ description: 'The refined prompt text (empty until the refinement completes)' })
  prompt!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description: "The teacher's reasoning; why it failed for a failed refinement",
  })
  reasoning!: string | null;

  @ApiProperty({ nullable: true, type: String })
  refinement_job_id!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pending, Running, Completed or Failed',
  })
  refinement_status!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'USD spent on the teacher model' })
  total_cost!: string | null;

  @ApiProperty({ nullable: true, type: PromptVersionResponse })
  previous_version!: PromptVersionResponse | null;
}

export function serializeRefinement({
  refinement,
  previous,
}: RefinementView): RefinedPromptResponse {
  return {
    title: refinement.title,
    prompt: refinement.prompt ?? '',
    reasoning: refinement.status === 'Failed' ? refinement.error : refinement.reasoning,
    refinement_job_id: refinement.job_id,
    refinement_status: refinement.status,
    total_cost: refinement.total_cost === null ? null : usd(refinement.total_cost),
    previous_version: previous ? serializePromptVersion(previous) : null,
  };
}
