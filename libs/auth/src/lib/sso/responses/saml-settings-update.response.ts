import { ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ScimSettingsResponse } from './scim-settings.response';

/** What an organization configures of its SAML settings (`domain` left out while empty). */
@ApiSchema({ name: 'SamlSettingsUpdate' })
export class SamlSettingsUpdateResponse extends ScimSettingsResponse {
  @ApiPropertyOptional({ minLength: 3 }) domain?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) idp_provider!: string | null;
  @ApiPropertyOptional() metadata_url!: string;
  @ApiPropertyOptional() metadata_xml!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) mapping_email!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) mapping_first_name!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) mapping_last_name!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) mapping_groups!: string | null;
}
