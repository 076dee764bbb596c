import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { toBool } from '@ls/core';

export class ImportQuery {
  @IsOptional() @Transform(toBool({ otherwise: false })) @IsBoolean() commit_to_project?: boolean;
  @IsOptional() @Transform(toBool({ otherwise: false })) @IsBoolean() return_task_ids?: boolean;

  /** Repeated (`?f=a&f=b`) or a comma list (`?f=a,b`). */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    (Array.isArray(value) ? value : [value])
      .flatMap((entry) => String(entry).split(','))
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  @IsString({ each: true })
  preannotated_from_fields?: string[];
}
