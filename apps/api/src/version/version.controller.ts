import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PublicRoute } from '@ls/core';
import { VersionResponse } from './version.response';

@ApiTags('Versions')
@PublicRoute()
@Controller('api/version')
export class VersionController {
  @Get()
  @ApiOperation({ operationId: 'api_version_retrieve', summary: 'Get version information' })
  @ApiOkResponse({ type: VersionResponse })
  get(): VersionResponse {
    return VersionResponse.current();
  }
}
