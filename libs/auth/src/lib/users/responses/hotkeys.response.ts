import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'Hotkeys' })
export class HotkeysResponse {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: '`{"<namespace>:<action>": {"key": "ctrl+s", "active": true}}`',
  })
  custom_hotkeys!: Record<string, unknown>;
}
