import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'TokenRefreshResponse' })
export class TokenRefreshResponse {
  @ApiProperty({ type: String, description: 'A short-lived access token (Bearer)' })
  access!: string;
}
