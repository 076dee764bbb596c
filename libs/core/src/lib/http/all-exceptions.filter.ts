import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { buildErrorBody, ErrorBody } from './error-body';
import { TooManyRequestsException } from './too-many-requests.exception';
import { ValidationFailedException } from './validation-failed.exception';

/** Errors raised by Fastify itself (body parsing, limits) carry their own 4xx status code. */
interface FrameworkError {
  statusCode?: number;
  message?: string;
  code?: string;
  /** Headers of the answer (`@fastify/send`'s 416 carries `Content-Range`). */
  headers?: Record<string, string>;
}

const DEFAULT_DETAILS: Record<number, string> = {
  [HttpStatus.UNAUTHORIZED]: 'Authentication credentials were not provided.',
  [HttpStatus.FORBIDDEN]: 'You do not have permission to perform this action.',
  [HttpStatus.NOT_FOUND]: 'Not found.',
};

function detailOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const { detail, message, error } = response as {
    detail?: unknown;
    message?: unknown;
    error?: unknown;
  };
  if (typeof detail === 'string') return detail;
  // Nest leaves out `error` when the exception was raised without a message of its own.
  const isDefaultMessage = error === undefined;
  const fallback = DEFAULT_DETAILS[exception.getStatus()];
  if (isDefaultMessage && fallback) return fallback;
  if (Array.isArray(message)) return message.join('; ');
  if (typeof message === 'string') return message;
  return fallback ?? exception.message;
}

/** PostgreSQL's "numeric value out of range": an id or count past what a column holds. */
function isOutOfRange(exception: unknown): boolean {
  const driverError = (exception as { driverError?: { code?: unknown } } | null)?.driverError;
  return driverError?.code === '22003';
}

/** Every error leaves the API in Label Studio's error shape; only real bugs become a 500. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(exception);
    if (body.status_code >= 500) {
      this.logger.error({ err: exception }, 'Unhandled error');
    }
    if (exception instanceof TooManyRequestsException) {
      void reply.header('retry-after', String(exception.retryAfterSeconds));
    }
    const headers = (exception as FrameworkError | null)?.headers;
    if (body.status_code < 500 && headers && typeof headers === 'object') {
      void reply.headers(headers);
    }
    void reply.status(body.status_code).header('content-type', 'application/json').send(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof ValidationFailedException) {
      return buildErrorBody(exception.getStatus(), detailOf(exception), exception.errors);
    }
    if (exception instanceof HttpException) {
      return buildErrorBody(exception.getStatus(), detailOf(exception));
    }
    if (isOutOfRange(exception)) {
      return buildErrorBody(HttpStatus.BAD_REQUEST, 'A number in the request is out of range.');
    }
    const framework = exception as FrameworkError;
    const status = framework?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return buildErrorBody(status, framework.message ?? 'Bad request');
    }
    return buildErrorBody(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error');
  }
}
