import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsString, IsUrl, Length } from 'class-validator';
import { IsRequired } from '@ls/core';

@ApiSchema({ name: 'ValidateSamlMetadataUrlRequestRequest' })
export class ValidateMetadataUrlDto {
  @ApiProperty({ format: 'uri', minLength: 1 })
  @IsRequired()
  @IsString()
  @Length(1, 65_536)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  metadata_url!: string;
}
