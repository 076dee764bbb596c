import { Controller, Get, HttpStatus, Query, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '../http/route-policy';
import { HealthService } from './health.service';
import { HealthTokenGuard } from './health-token.guard';
import { JobRoundTripService } from './job-round-trip.service';
import { JobsHealthQuery } from './jobs-health.query';

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
