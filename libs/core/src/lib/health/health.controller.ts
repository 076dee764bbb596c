import { Controller, Get, HttpStatus, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '../http/public-route.decorator';
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

/** Probes for load balancers and operators; they answer without authentication. */
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
  async checkJobs(
    @Query() query: JobsHealthQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.roundTrip.run(query.timeout_ms ?? 5000);
    reply.status(result.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return result;
  }
}
