import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, MaxLength, ValidateIf } from 'class-validator';
import { IsRequired } from '@ls/core';

const nullable = () => ValidateIf((_, value) => value !== null);

/** The longest workspace description kept. */
export const MAX_WORKSPACE_DESCRIPTION = 10_000;

/** `WorkspaceRequest`: what a workspace is created with. */
export class WorkspaceInput {
  @ApiProperty({ minLength: 1, maxLength: 1000, description: 'Workspace Name' })
  @IsRequired()
  @IsString()
  @Length(1, 1000)
  title!: string;

  @ApiPropertyOptional({ nullable: true, maxLength: MAX_WORKSPACE_DESCRIPTION })
  @IsOptional()
  @nullable()
  @IsString()
  @MaxLength(MAX_WORKSPACE_DESCRIPTION)
  description?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 16 })
  @IsOptional()
  @nullable()
  @IsString()
  @MaxLength(16)
  color?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() is_personal?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() is_archived?: boolean;
}

/** `PatchedWorkspaceRequest`: every field optional. */
export class WorkspacePatch extends PartialType(WorkspaceInput) {}
