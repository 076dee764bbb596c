import { timingSafeEqual } from 'node:crypto';
import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { AppConfig } from '../config/app-config';

function sameSecret(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Lets through operators who send `Authorization: Bearer <HEALTH_CHECK_TOKEN>`. */
@Injectable()
export class HealthTokenGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.config.HEALTH_CHECK_TOKEN;
    if (!expected) {
      throw new ForbiddenException('The job probe is off: set HEALTH_CHECK_TOKEN to use it.');
    }
    const request = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>();
    const header = request.headers.authorization;
    const [scheme, token] = (typeof header === 'string' ? header : '').trim().split(/\s+/);
    if (scheme?.toLowerCase() !== 'bearer' || !token || !sameSecret(token, expected)) {
      throw new UnauthorizedException('Send Authorization: Bearer <HEALTH_CHECK_TOKEN>.');
    }
    return true;
  }
}
