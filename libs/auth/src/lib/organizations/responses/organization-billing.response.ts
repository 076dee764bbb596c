import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** Enterprise session and management settings, shown with their inactive values. */
@ApiSchema({ name: 'OrganizationBilling' })
export class OrganizationBillingResponse {
  @ApiProperty({ type: String }) enforce_session_concurrency!: string;
  @ApiProperty({ type: String }) manual_role_management!: string;
  @ApiProperty({ type: String }) manual_workspace_management!: string;
  @ApiProperty({ type: String }) max_parallel_sessions!: string;
  @ApiProperty({ type: String }) session_concurrency_window_seconds!: string;
}
