/** The queue of member tag imports and its one job. */
export const MEMBER_TAG_IMPORT_QUEUE = 'member-tag-imports';
export const MEMBER_TAG_IMPORT_JOB = 'member-tag-imports.run';
