import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
} from 'class-validator';
import { MAX_IDS_PER_REQUEST, toBool } from '@ls/core';

/** `ids=1&ids=2`, `ids[]=1`, `ids=1,2`: a list of integers (anything else stays for validation). */
const idList = ({ value }: { value: unknown }) => {
  const values = (Array.isArray(value) ? value : [value]).flatMap((entry) =>
    typeof entry === 'string' ? entry.split(',') : [entry],
  );
  return values.map((entry) =>
    typeof entry === 'string' && /^\d+$/.test(entry) ? Number(entry) : entry,
  );
};

/** The query of `GET /api/projects/{id}/export` (Label Studio's `ExportParamSerializer`). */
export class DirectExportQuery {
  @ApiPropertyOptional({ description: 'Selected export format (JSON by default)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  export_type?: string;

  @ApiPropertyOptional({ description: 'The same, under the name the frontend uses' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  exportType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBool())
  @IsBoolean()
  download_all_tasks?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBool())
  @IsBoolean()
  download_resources?: boolean;

  @ApiPropertyOptional({ description: 'Fill in the frames between video key frames' })
  @IsOptional()
  @Transform(toBool())
  @IsBoolean()
  interpolate_key_frames?: boolean;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @Transform(idList)
  @ArrayMaxSize(MAX_IDS_PER_REQUEST)
  @IsInt({ each: true })
  @Min(1, { each: true })
  ids?: number[];

  /** `ids[]=...`, as the contract's example writes it. */
  @IsOptional()
  @Transform(idList)
  @ArrayMaxSize(MAX_IDS_PER_REQUEST)
  @IsInt({ each: true })
  @Min(1, { each: true })
  'ids[]'?: number[];
}
