/** The queue of prompt refinements and its job. */
export const REFINE_QUEUE = 'prompts-refine';
export const REFINE_JOB = 'prompts.refine';
/** A refinement whose process died runs again (a finished one is not run twice). */
export const REFINE_ATTEMPTS = 2;
