import type { IncomingMessage } from 'node:http';
import { Params } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { requestIdOf } from '../http/http-app';
import { ProcessRole } from '../core.options';

/** Structured JSON logs with the request id on every line of a request. */
export function loggerOptions(config: AppConfig, role: ProcessRole): Params {
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      base: { role, pid: process.pid },
      genReqId: (request: IncomingMessage) =>
        (request as IncomingMessage & { id?: string }).id ?? requestIdOf(request),
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
      customLogLevel: (_request, response, error) => {
        if (error || response.statusCode >= 500) return 'error';
        if (response.statusCode >= 400) return 'warn';
        return 'info';
      },
      autoLogging: { ignore: (request) => request.url === '/health' },
    },
  };
}
