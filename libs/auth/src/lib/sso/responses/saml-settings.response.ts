import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { SamlSettingsUpdateResponse } from './saml-settings-update.response';

/** The SAML settings with the service provider values to give the identity provider. */
@ApiSchema({ name: 'SamlSettings' })
export class SamlSettingsResponse extends SamlSettingsUpdateResponse {
  @ApiPropertyOptional() token!: string;
  @ApiProperty() acs_url!: string;
  @ApiProperty() login_url!: string;
  @ApiProperty() logout_url!: string;
  @ApiProperty() metadata_xml_url!: string;
  @ApiProperty() nameid_format!: string;
}
