/** A payload that can never succeed: the job fails at once and is not retried. */
export class InvalidJobPayloadError extends Error {
  override readonly name = 'InvalidJobPayloadError';
}
