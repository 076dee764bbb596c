import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString } from 'class-validator';

export class LabelConfigInput {
  @ApiPropertyOptional() @IsString() label_config!: string;
}
