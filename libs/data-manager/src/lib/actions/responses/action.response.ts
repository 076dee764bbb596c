import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'ActionDialog' })
export class ActionDialogResponse {
  @ApiPropertyOptional({ type: String, nullable: true }) title?: string | null;
  @ApiProperty({ type: String, nullable: true }) text!: string | null;
  @ApiProperty({ type: String, nullable: true }) type!: string | null;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' }, nullable: true })
  form?: Record<string, unknown>[] | null;
}

@ApiSchema({ name: 'Action' })
export class ActionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: 'integer' }) order!: number;
  @ApiProperty() permission!: string;
  @ApiProperty() experimental!: boolean;
  @ApiPropertyOptional({ type: ActionDialogResponse }) dialog?: ActionDialogResponse;
}
