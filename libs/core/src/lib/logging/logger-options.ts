import type { IncomingMessage } from 'node:http';
import { Params } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { requestIdOf } from '../http/http-app';
import { ProcessRole } from '../core.options';

/** Load balancers poll the health probes every few seconds: not worth a log line each. */
function isProbe(request: IncomingMessage & { originalUrl?: string }): boolean {
  const path = (request.originalUrl ?? request.url ?? '').split('?')[0];
  return path === '/health' || path === '/health/';
}

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
      autoLogging: { ignore: (request) => isProbe(request) },
    },
  };
}
