import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** An organization in the caller's list. */
@ApiSchema({ name: 'OrganizationId' })
export class OrganizationSummaryResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: String }) title!: string;
  @ApiProperty({ type: String, format: 'email', nullable: true }) contact_info!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) created_at!: string;
}
