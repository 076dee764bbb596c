import { ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/** The contract's `InferenceRunCostEstimate`. */
@ApiSchema({ name: 'InferenceRunCostEstimate' })
export class CostEstimateResponse {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Cost of the prompt (in USD)' })
  prompt_cost_usd!: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Cost of the completion (in USD)',
  })
  completion_cost_usd!: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Total cost of the inference (in USD)',
  })
  total_cost_usd!: string | null;

  @ApiPropertyOptional({ nullable: true, type: Boolean })
  is_error!: boolean | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  error_type!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  error_message!: string | null;
}
