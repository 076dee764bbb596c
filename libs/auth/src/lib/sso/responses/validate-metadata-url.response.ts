import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'ValidateSamlMetadataUrlResponse' })
export class ValidateMetadataUrlResponse {
  @ApiProperty() valid!: boolean;
}
