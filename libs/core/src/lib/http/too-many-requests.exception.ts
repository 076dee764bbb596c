import { HttpException, HttpStatus } from '@nestjs/common';

/** A 429 that tells the client, in `Retry-After`, when to come back. */
export class TooManyRequestsException extends HttpException {
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super({ detail }, HttpStatus.TOO_MANY_REQUESTS);
  }
}
