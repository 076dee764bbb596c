import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { ResourceParams } from '@ls/core';
import { PauseInput, PausePatch, PausesQuery } from './dto/pause-input.dto';
import { serializePause } from './pause.serializer';
import { PausePlace, PausesService } from './pauses.service';
import { PauseResponse } from './responses/pause.response';

@ApiTags('Pauses')
@ResourceParams({ project_pk: 'project', user_pk: 'user', id: 'pause' })
@Requires('projects.members')
@Controller('api/projects/:project_pk/members/:user_pk/pauses')
export class PausesController {
  constructor(private readonly pauses: PausesService) {}

  @Get()
  @ApiOperation({ operationId: 'api_projects_members_pauses_list', summary: 'List pauses' })
  @ApiOkResponse({ type: [PauseResponse] })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('project_pk', ParseIntPipe) projectId: number,
    @Param('user_pk', ParseIntPipe) userId: number,
    @Query() query: PausesQuery,
  ): Promise<PauseResponse[]> {
    const place: PausePlace = { projectId, userId };
    const rows = await this.pauses.list(auth, place, query.include_deleted, query.ordering);
    return rows.map(serializePause);
  }

  @Post()
  @ApiOperation({ operationId: 'api_projects_members_pauses_create', summary: 'Create pause' })
  @ApiCreatedResponse({ type: PauseResponse })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Param('project_pk', ParseIntPipe) projectId: number,
    @Param('user_pk', ParseIntPipe) userId: number,
    @Body() body: PauseInput,
  ): Promise<PauseResponse> {
    return serializePause(await this.pauses.create(auth, { projectId, userId }, body));
  }

  @Get(':id')
  @ApiOperation({ operationId: 'api_projects_members_pauses_retrieve', summary: 'Get pause' })
  @ApiOkResponse({ type: PauseResponse })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('project_pk', ParseIntPipe) projectId: number,
    @Param('user_pk', ParseIntPipe) userId: number,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<PauseResponse> {
    return serializePause(await this.pauses.get(auth, { projectId, userId }, id));
  }

  @Put(':id')
  @ApiOperation({ operationId: 'api_projects_members_pauses_update', summary: 'Put pause' })
  @ApiOkResponse({ type: PauseResponse })
  async replace(
    @CurrentAuth() auth: AuthContext,
    @Param('project_pk', ParseIntPipe) projectId: number,
    @Param('user_pk', ParseIntPipe) userId: number,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: PauseInput,
  ): Promise<PauseResponse> {
    return serializePause(await this.pauses.update(auth, { projectId, userId }, id, body, true));
  }

  @Patch(':id')
  @ApiOperation({
    operationId: 'api_projects_members_pauses_partial_update',
    summary: 'Update pause',
  })
  @ApiOkResponse({ type: PauseResponse })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('project_pk', ParseIntPipe) projectId: number,
    @Param('user_pk', ParseIntPipe) userId: number,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: PausePatch,
  ): Promise<PauseResponse> {
    return serializePause(await this.pauses.update(auth, { projectId, userId }, id, body, false));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_projects_members_pauses_destroy', summary: 'Delete pause' })
  @ApiNoContentResponse({ description: 'Unpaused: the pause is kept, marked deleted' })
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('project_pk', ParseIntPipe) projectId: number,
    @Param('user_pk', ParseIntPipe) userId: number,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<void> {
    await this.pauses.remove(auth, { projectId, userId }, id);
  }
}
