import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { ColumnsResponse } from './columns.response';
import { ColumnsService } from './columns.service';
import { ProjectQuery } from './project.query';
import { NamedIn } from '@ls/core';

/** Not in the contract: the data manager frontend reads its table's columns here. */
@ApiTags('Data Manager')
@Requires('tasks.view')
@NamedIn('query', { project: 'project' })
@NamedIn('body', { project: 'project' })
@Controller('api/dm/columns')
export class ColumnsController {
  constructor(private readonly columns: ColumnsService) {}

  @Get()
  @ApiOperation({ operationId: 'api_dm_columns_list', summary: 'Get data manager columns' })
  @ApiOkResponse({ type: ColumnsResponse })
  columnsOf(
    @CurrentAuth() auth: AuthContext,
    @Query() query: ProjectQuery,
  ): Promise<ColumnsResponse> {
    return this.columns.columnsOf(auth, query.project);
  }
}
