import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'ViewOrderResponse' })
export class ViewOrderResponse {
  @ApiProperty({ type: String }) detail!: string;
}
