import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery, toBool } from '@ls/core';
import { IsRowId } from './row-id';

export const PROJECT_ORDERINGS = ['id', 'title', 'created_at', 'pinned_at', 'updated_at'] as const;

const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

export class ListProjectsQuery extends PageQuery {
  /** Comma-separated project ids. */
  @IsOptional()
  @Matches(/^\d+(,\d+)*$/, { message: 'ids must be comma-separated integers' })
  ids?: string;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(256) title?: string;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(256) search?: string;
  @IsOptional() @IsIn(['all', 'pinned_only', 'exclude_pinned']) filter?: string;

  /** Comma-separated fields, each optionally prefixed with `-`. */
  @IsOptional()
  @Matches(
    new RegExp(`^-?(${PROJECT_ORDERINGS.join('|')})(,-?(${PROJECT_ORDERINGS.join('|')}))*$`),
    {
      message: `ordering must be fields among ${PROJECT_ORDERINGS.join(', ')}, optionally prefixed by -`,
    },
  )
  ordering?: string;

  /** Only the projects of this workspace. */
  @IsOptional() @Type(() => Number) @IsRowId() workspaces?: number;

  /** true: only projects in an archived workspace; false: only the others. */
  @IsOptional() @Transform(toBool()) @IsBoolean() archived?: boolean;

  /** Comma-separated fields to return (ids and counters); all when absent. */
  @IsOptional() @IsString() include?: string;
}
