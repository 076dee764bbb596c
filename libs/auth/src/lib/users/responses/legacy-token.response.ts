import { ApiProperty } from '@nestjs/swagger';

/** The caller's legacy API key, sent as `Authorization: Token <key>`. */
export class LegacyTokenResponse {
  @ApiProperty({ type: String }) token!: string;
}
