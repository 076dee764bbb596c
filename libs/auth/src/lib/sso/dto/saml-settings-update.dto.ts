import { ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsString, IsUrl, Length, MaxLength, ValidateIf } from 'class-validator';
import { MAX_METADATA_BYTES } from '../saml-metadata';
import { Given, Nullable } from './group-mappings';
import { GroupMappingsDto } from './group-mappings.dto';

const MAX_TEXT = 65_536;
const MAX_MAPPING = 1_024;

@ApiSchema({ name: 'SamlSettingsUpdateRequest' })
export class SamlSettingsUpdateDto extends GroupMappingsDto {
  @ApiPropertyOptional({
    minLength: 3,
    maxLength: MAX_TEXT,
    description:
      'Email domains of the organization, comma-separated without spaces; never public mail domains.',
  })
  @Given()
  @IsString()
  @Length(3, MAX_TEXT)
  domain?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 256 })
  @Nullable()
  @IsString()
  @MaxLength(256)
  idp_provider?: string | null;

  @ApiPropertyOptional({ maxLength: MAX_TEXT, description: 'URL of the IdP metadata' })
  @Given()
  @IsString()
  @MaxLength(MAX_TEXT)
  @ValidateIf((_dto, value) => value !== '')
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  metadata_url?: string;

  @ApiPropertyOptional({ description: 'IdP metadata XML (an EntityDescriptor)' })
  @Given()
  @IsString()
  @MaxLength(MAX_METADATA_BYTES)
  metadata_xml?: string;

  @ApiPropertyOptional({ type: String, nullable: true, minLength: 1, maxLength: MAX_MAPPING })
  @Nullable()
  @IsString()
  @Length(1, MAX_MAPPING)
  mapping_email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MAX_MAPPING })
  @Nullable()
  @IsString()
  @MaxLength(MAX_MAPPING)
  mapping_first_name?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MAX_MAPPING })
  @Nullable()
  @IsString()
  @MaxLength(MAX_MAPPING)
  mapping_last_name?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MAX_MAPPING })
  @Nullable()
  @IsString()
  @MaxLength(MAX_MAPPING)
  mapping_groups?: string | null;
}
