import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { serializeUserSimple, UserSimpleResponse } from '@ls/auth';
import { SKILL_NAMES } from '../prompt-skills';
import { Prompt } from '../prompt.entity';

/** A project as a prompt's reads name it. */
@ApiSchema({ name: 'AssociatedProject' })
export class AssociatedProjectResponse {
  @ApiProperty({ readOnly: true }) id!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) title!: string | null;
}

class PromptFields {
  @ApiProperty({ readOnly: true }) id!: number;
  @ApiProperty({ maxLength: 500, description: 'Model name' }) title!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) description!: string | null;
  @ApiPropertyOptional({ enum: SKILL_NAMES, default: 'TextClassification' }) skill_name!: string;
  @ApiPropertyOptional({ type: [String] }) input_fields!: string[];
  @ApiPropertyOptional({ type: [String] }) output_classes!: string[];
  @ApiPropertyOptional({ type: UserSimpleResponse }) created_by?: UserSimpleResponse;
  @ApiPropertyOptional({ nullable: true, type: 'integer' }) organization!: number | null;
  @ApiProperty({ format: 'date-time', readOnly: true }) created_at!: string;
  @ApiProperty({ format: 'date-time', readOnly: true }) updated_at!: string;
}

/** The contract's `ModelInterface`: what writes answer, projects as ids. */
@ApiSchema({ name: 'ModelInterface' })
export class PromptResponse extends PromptFields {
  @ApiPropertyOptional({ type: [Number] }) associated_projects!: number[];
}

/** The contract's `ModelInterfaceSerializerGET`: what reads answer, projects as `{id, title}`. */
@ApiSchema({ name: 'ModelInterfaceSerializerGET' })
export class PromptReadResponse extends PromptFields {
  @ApiPropertyOptional({ type: [AssociatedProjectResponse], default: [] })
  associated_projects!: AssociatedProjectResponse[];
}

function fieldsOf(prompt: Prompt): PromptFields {
  return {
    id: prompt.id,
    title: prompt.title,
    description: prompt.description,
    skill_name: prompt.skill_name,
    input_fields: prompt.input_fields,
    output_classes: prompt.output_classes,
    // a creator whose account is gone is left out (the field is optional in the contract)
    ...(prompt.created_by ? { created_by: serializeUserSimple(prompt.created_by) } : {}),
    organization: prompt.organization_id,
    created_at: prompt.created_at.toISOString(),
    updated_at: prompt.updated_at.toISOString(),
  };
}

export function serializePrompt(prompt: Prompt, projects: AssociatedProjectResponse[]) {
  return { ...fieldsOf(prompt), associated_projects: projects.map(({ id }) => id) };
}

export function serializePromptRead(
  prompt: Prompt,
  projects: AssociatedProjectResponse[],
): PromptReadResponse {
  return { ...fieldsOf(prompt), associated_projects: projects };
}
