import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
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
import { idsOfList } from '../members/member-filters';
import { ProjectRoleInput, ProjectRolesQuery } from './dto/project-role.dto';
import { ProjectRole } from './project-role.entity';
import { ProjectRolesService } from './project-roles.service';
import { ProjectRoleResponse } from './responses/project-role.response';

const serializeRole = (row: ProjectRole): ProjectRoleResponse => ({
  id: row.id,
  project: row.project_id,
  user: row.user_id,
  role: row.role,
});

@ApiTags('Project Roles')
@Controller('api/projects')
export class ProjectRolesController {
  constructor(private readonly roles: ProjectRolesService) {}

  @Get('roles')
  @Requires('projects.view')
  @ApiOperation({
    operationId: 'api_projects_roles_list',
    summary: 'List project roles for current user',
  })
  @ApiOkResponse({ type: [ProjectRoleResponse] })
  async own(
    @CurrentAuth() auth: AuthContext,
    @Query() query: ProjectRolesQuery,
  ): Promise<ProjectRoleResponse[]> {
    const rows = await this.roles.own(auth, idsOfList('ids', query.ids), query.ordering);
    return rows.map(serializeRole);
  }

  @Post('roles')
  @Requires('projects.members')
  @ApiOperation({
    operationId: 'api_projects_roles_create',
    summary: 'Create project role for user',
  })
  @ApiCreatedResponse({ type: ProjectRoleResponse })
  async set(
    @CurrentAuth() auth: AuthContext,
    @Body() body: ProjectRoleInput,
  ): Promise<ProjectRoleResponse> {
    return serializeRole(await this.roles.set(auth, body));
  }

  @Delete('roles/:id')
  @HttpCode(204)
  @Requires('projects.members')
  @ResourceParams({ id: 'project_role' })
  @ApiOperation({
    operationId: 'api_projects_roles_destroy',
    summary: 'Remove project role for user',
  })
  @ApiNoContentResponse({ description: 'Role removed' })
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<void> {
    await this.roles.remove(auth, id);
  }

  @Get(':id/roles')
  @Requires('projects.members')
  @ResourceParams({ id: 'project' })
  @ApiOperation({ operationId: 'api_projects_roles_retrieve', summary: 'List project roles' })
  @ApiOkResponse({ type: [ProjectRoleResponse] })
  async ofProject(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<ProjectRoleResponse[]> {
    return (await this.roles.ofProject(auth, id)).map(serializeRole);
  }
}
