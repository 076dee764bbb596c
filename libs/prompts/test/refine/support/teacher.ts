import { Answerer, defaultAnswer } from '../../support/llm-test-server';

/** How the server recognizes a refinement: the teacher's instructions start so. */
const TEACHER_ROLE = 'You are refining a prompt';

/** The refinement request's JSON (the user message) in the chat text the answerer sees. */
function briefOf(prompt: string): {
  current_prompt: string;
  mistakes: { task: Record<string, unknown>; predicted: string[]; ground_truth: string[] }[];
} {
  const start = prompt.indexOf('\n{');
  let depth = 0;
  for (let index = start + 1; index < prompt.length; index += 1) {
    const char = prompt[index];
    if (char === '"') {
      // skip the string, escapes included
      for (index += 1; prompt[index] !== '"'; index += 1) if (prompt[index] === '\\') index += 1;
    } else if (char === '{') depth += 1;
    else if (char === '}' && (depth -= 1) === 0)
      return JSON.parse(prompt.slice(start + 1, index + 1));
  }
  throw new Error('no refinement brief in the prompt');
}

/**
 * A teacher for the OpenAI-compatible test server: to a refinement request it answers
 * `{prompt, reasoning}` deterministically from the mistakes (the template plus a rule naming each
 * mistaken label); `template` overrides the template it answers with (to test bad placeholders),
 * once per entry, then the improved one. Any other request gets the default answer.
 */
export function teacher(templates: string[] = []): Answerer {
  const queue = [...templates];
  return (prompt, schema) => {
    if (!prompt.startsWith(TEACHER_ROLE)) return defaultAnswer(prompt, schema);
    const brief = briefOf(prompt);
    const rules = brief.mistakes.map(
      (mistake) =>
        `Not ${mistake.predicted.join(', ')} when it is ${mistake.ground_truth.join(', ')}.`,
    );
    const improved = `${brief.current_prompt}\nRules: ${rules.join(' ') || 'none.'}`;
    return JSON.stringify({
      prompt: queue.shift() ?? improved,
      reasoning: `Fixed ${brief.mistakes.length} mistakes.`,
    });
  };
}

/** The template the teacher answers with for these mistakes (what the tests expect). */
export function improvedTemplate(current: string, mistakes: [string, string][]): string {
  const rules = mistakes.map(([predicted, truth]) => `Not ${predicted} when it is ${truth}.`);
  return `${current}\nRules: ${rules.join(' ') || 'none.'}`;
}
