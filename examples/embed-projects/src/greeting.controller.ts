import { Controller, Get } from '@nestjs/common';
import { PublicRoute } from '@ls/core';

/** A route of the embedding app itself, beside the mounted libraries. */
@Controller('hello')
export class GreetingController {
  @Get()
  @PublicRoute()
  hello() {
    return { app: 'embed-projects', mounted: '/labeling' };
  }
}
