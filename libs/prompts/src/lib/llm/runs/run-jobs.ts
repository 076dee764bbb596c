/** The queue of prompt inference runs and its job. */
export const PROMPTS_QUEUE = 'prompts';
export const PROMPTS_RUN_JOB = 'prompts.run';
/** A run whose process died runs again and resumes where its outcomes stop. */
export const PROMPTS_RUN_ATTEMPTS = 3;
