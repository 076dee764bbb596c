import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString } from 'class-validator';
import { MaxIds, toBool } from '@ls/core';

/**
 * Upload ids as clients send them: a JSON list (`ids=[1,2]`, Label Studio's own form), a repeated
 * parameter (`ids=1&ids=2`) or a comma-separated list. Anything else is kept as `NaN`, which
 * validation then reports.
 */
export function parseUploadIds(value: unknown): number[] {
  const texts = Array.isArray(value) ? value : [value];
  return texts.flatMap((text): number[] => {
    if (typeof text === 'number') return [text];
    if (typeof text !== 'string') return [Number.NaN];
    const trimmed = text.trim();
    if (trimmed === '') return [];
    if (trimmed.startsWith('[')) {
      try {
        const parsed: unknown = JSON.parse(trimmed);
        return Array.isArray(parsed) ? parsed.map((id) => Number(id)) : [Number.NaN];
      } catch {
        return [Number.NaN];
      }
    }
    return trimmed.split(',').map((id) => (id.trim() === '' ? Number.NaN : Number(id)));
  });
}

export class FileUploadSelectionQuery {
  @ApiPropertyOptional({ description: 'Upload ids, e.g. ids=[1,2,3]', type: [String] })
  @IsOptional()
  @Transform(({ value }) => parseUploadIds(value))
  @MaxIds()
  @IsInt({ each: true, message: 'ids must be a list of integers' })
  ids?: number[];

  @ApiPropertyOptional({ description: 'Set to "true" to list all the uploads' })
  @IsOptional()
  @Transform(toBool({ otherwise: false }))
  @IsBoolean()
  all?: boolean;

  @ApiPropertyOptional({ description: 'Which field to use when ordering the results.' })
  @IsOptional()
  @IsString()
  ordering?: string;
}
