import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'TokenRotateResponse' })
export class TokenRotateResponse {
  @ApiProperty({ type: String, description: 'The new refresh token; the old one is blacklisted' })
  refresh!: string;
}
