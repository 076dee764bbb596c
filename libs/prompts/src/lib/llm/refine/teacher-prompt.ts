import type { LlmMessage } from '../providers/llm-provider';
import { parseTemplate, TemplateSyntaxError } from '../prompts/prompt-template';
import type { Mistake } from './version-mistakes';

/** The first words of the teacher's instructions: how a refinement request is recognized. */
export const TEACHER_ROLE = 'You are refining a prompt';

/** The structured answer asked of the teacher. */
export const TEACHER_SCHEMA: Record<string, unknown> = {
  type: 'object',
  properties: {
    prompt: { type: 'string', description: 'The improved prompt template' },
    reasoning: { type: 'string', description: 'Why the changes fix the mistakes' },
  },
  required: ['prompt', 'reasoning'],
  additionalProperties: false,
};

export interface TeacherBrief {
  template: string;
  skill: string;
  inputFields: readonly string[];
  labels: readonly string[];
  mistakes: Mistake[];
  /** Ground truth tasks the version was compared on. */
  compared: number;
}

export interface TeacherAnswer {
  prompt: string;
  reasoning: string;
}

/** The chat that asks the teacher for a better template. */
export function teacherMessages(brief: TeacherBrief): LlmMessage[] {
  const placeholders = brief.inputFields.map((field) => `{${field}}`).join(', ') || 'none';
  const system = [
    `${TEACHER_ROLE} template that instructs a language model to label data (${brief.skill}).`,
    'Rewrite the template so that the model stops making the mistakes shown, keeping what works.',
    `The template may use only these placeholders, each written in single braces: ${placeholders}.`,
    "Write {{ and }} for a literal brace. Do not name the mistakes' tasks in the template.",
    'Answer with JSON: {"prompt": "<the new template>", "reasoning": "<why it is better>"}.',
  ].join('\n');
  const user = JSON.stringify(
    {
      current_prompt: brief.template,
      labels: brief.labels,
      ground_truth_tasks_compared: brief.compared,
      mistakes: brief.mistakes.map((mistake) => ({
        task: mistake.data,
        predicted: mistake.predicted,
        ground_truth: mistake.ground_truth,
      })),
    },
    null,
    2,
  );
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}

/**
 * The teacher's answer when it is usable, else why not (an answer that is not the JSON asked for,
 * or a template with a syntax error or a placeholder outside `inputFields`).
 */
export function checkedAnswer(
  parsed: unknown,
  text: string,
  inputFields: readonly string[],
): { answer: TeacherAnswer } | { problem: string } {
  let value = parsed;
  if (value === undefined) {
    try {
      value = JSON.parse(text);
    } catch {
      return { problem: 'The answer is not JSON.' };
    }
  }
  const answer = value as Partial<TeacherAnswer> | null;
  if (typeof answer?.prompt !== 'string' || !answer.prompt.trim()) {
    return { problem: 'The answer has no "prompt" text.' };
  }
  const reasoning = typeof answer.reasoning === 'string' ? answer.reasoning : '';
  try {
    const allowed = new Set(inputFields);
    for (const part of parseTemplate(answer.prompt)) {
      if ('field' in part && !allowed.has(part.field)) {
        return {
          problem: `The prompt uses the placeholder {${part.field}}, which is not among the input fields (${[...allowed].join(', ') || 'none'}).`,
        };
      }
    }
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return { problem: error.message };
    throw error;
  }
  return { answer: { prompt: answer.prompt, reasoning } };
}
