import { Controller, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { ActivityLogsService } from '../activity-logs.service';
import { ActivityLogPageResponse, serializeActivityLog } from './activity-log.response';
import { ActivityLogsQuery } from './activity-logs.query';

@ApiTags('Activity Logs')
@Controller('api/activity-logs')
export class ActivityLogsController {
  constructor(private readonly logs: ActivityLogsService) {}

  /**
   * A `project` filter is only compared with the entries (no lookup): entries of a project since
   * deleted stay listable, and another organization's id matches nothing of the caller's.
   */
  @Get()
  @Requires('organizations.activity_log')
  @ApiOperation({
    operationId: 'api_activity_logs_list',
    summary: 'Get activity logs',
    description:
      "Write requests of the organization's members, filtered by workspace, project, user, HTTP method, date range or search query.",
  })
  @ApiOkResponse({ type: ActivityLogPageResponse, description: 'Activity logs' })
  @ApiNotFoundResponse({ description: 'No more logs found' })
  async list(@CurrentAuth() auth: AuthContext, @Query() query: ActivityLogsQuery) {
    const page = await this.logs.list(auth, query, {
      page: query.page ?? query.start,
      pageSize: query.page_size ?? query.length,
    });
    return {
      data: page.logs.map(serializeActivityLog),
      recordsTotal: page.recordsTotal,
      recordsFiltered: page.recordsFiltered,
    };
  }
}
