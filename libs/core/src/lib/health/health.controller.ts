import { timingSafeEqual } from 'node:crypto';
import {
  CanActivate,
  Controller,
  ExecutionContext,
  ForbiddenException,
  Get,
  HttpStatus,
  Injectable,
  Query,
  Res,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../config/app-config';
import { PublicRoute } from '../http/route-policy';
import { HealthService } from './health.service';
import { JobRoundTripService } from './job-round-trip.service';

export class JobsHealthQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  timeout_ms?: number;
}

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

/**
 * Probes for load balancers and operators. `/health` answers anyone and tells only what is up;
 * `/health/jobs` queues a job, so it is for operators holding `HEALTH_CHECK_TOKEN`.
 */
@ApiExcludeController()
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly roundTrip: JobRoundTripService,
  ) {}

  @Get()
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const report = await this.health.check();
    reply.status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }

  /** 200 once a job went through the queue and came back done: some worker is alive. */
  @Get('jobs')
  @UseGuards(HealthTokenGuard)
  async checkJobs(
    @Query() query: JobsHealthQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.roundTrip.run(query.timeout_ms ?? 5000);
    reply.status(result.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return result;
  }
}
