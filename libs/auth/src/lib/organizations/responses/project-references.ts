import { ApiPropertyOptions } from '@nestjs/swagger';

/** `[{id, title}]` of projects, which this edition does not track per member: always `null`. */
export const PROJECT_REFERENCES: ApiPropertyOptions = {
  type: 'array',
  items: {
    type: 'object',
    properties: { id: { type: 'integer' }, title: { type: 'string' } },
  },
  nullable: true,
};

export type ProjectReferences = { id: number; title: string }[] | null;
