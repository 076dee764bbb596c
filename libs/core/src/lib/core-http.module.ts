import { Module } from '@nestjs/common';
import { HealthController } from './health/health.controller';
import { JobRoundTripService } from './health/job-round-trip.service';

/** The core's HTTP routes (health probes); imported by the API app only. */
@Module({ controllers: [HealthController], providers: [JobRoundTripService] })
export class CoreHttpModule {}
