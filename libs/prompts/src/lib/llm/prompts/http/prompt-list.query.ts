import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQuery } from '@ls/core';
import { SKILL_NAMES, SkillName } from '../prompt-skills';

/** `ordering`: comma-separated fields among `fields`, each optionally prefixed by `-`. */
export function orderingPattern(fields: readonly string[]): RegExp {
  const field = `-?(${fields.join('|')})`;
  return new RegExp(`^${field}(,${field})*$`);
}

export function orderingMessage(fields: readonly string[]): string {
  return `ordering must be fields among ${fields.join(', ')}, optionally prefixed by -`;
}

export const PROMPT_ORDERINGS = ['id', 'title', 'skill_name', 'created_at', 'updated_at'] as const;
export const VERSION_ORDERINGS = ['id', 'title', 'created_at', 'updated_at', 'score'] as const;
const PROJECT_ORDERINGS = ['id', 'title', 'created_at', 'updated_at', 'pinned_at'] as const;

export class PromptListQuery {
  @ApiPropertyOptional({ description: 'Which field to use when ordering the results.' })
  @IsOptional()
  @Matches(orderingPattern(PROMPT_ORDERINGS), { message: orderingMessage(PROMPT_ORDERINGS) })
  ordering?: string;
}

export class PromptVersionListQuery {
  @ApiPropertyOptional({ description: 'Which field to use when ordering the results.' })
  @IsOptional()
  @Matches(orderingPattern(VERSION_ORDERINGS), { message: orderingMessage(VERSION_ORDERINGS) })
  ordering?: string;
}

export class CompatibleProjectsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Which field to use when ordering the results.' })
  @IsOptional()
  @Matches(orderingPattern(PROJECT_ORDERINGS), { message: orderingMessage(PROJECT_ORDERINGS) })
  ordering?: string;

  @ApiPropertyOptional({ enum: SKILL_NAMES, default: 'TextClassification' })
  @IsOptional()
  @IsIn(SKILL_NAMES)
  project_type?: SkillName;
}
