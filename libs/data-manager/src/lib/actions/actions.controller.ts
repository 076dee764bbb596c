import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { isJsonObject, NamedIn } from '@ls/core';
import { ProjectsService } from '@ls/projects';
import { ActionRunner } from './action-runner';
import { DataManagerActions } from './data-manager-actions';
import { ActionsOfProjectQuery } from './dto/actions-of-project.query';
import { RunActionQuery } from './dto/run-action.query';
import { ActionResponse } from './responses/action.response';

/** Prepare params of the body; everything else in it is the action's form fields. */
const PREPARE_PARAMS = ['filters', 'selectedItems', 'ordering'];

@ApiTags('Data Manager')
/** The routes admit every member who may see tasks; each action asks its own permission. */
@Requires('tasks.view')
@NamedIn('query', { project: 'project' })
@NamedIn('body', { project: 'project' })
@Controller('api/dm/actions')
export class ActionsController {
  constructor(
    private readonly actions: DataManagerActions,
    private readonly runner: ActionRunner,
    private readonly projects: ProjectsService,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'api_dm_actions_retrieve', summary: 'Get actions' })
  @ApiOkResponse({ type: [ActionResponse] })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: ActionsOfProjectQuery,
  ): Promise<ActionResponse[]> {
    await this.projects.get(auth, query.project);
    return (await this.actions.listedFor(auth)).map((action) => ({
      id: action.id,
      title: action.title,
      order: action.order,
      permission: action.permission,
      experimental: false,
      ...(action.dialog ? { dialog: { title: null, form: null, ...action.dialog } } : {}),
    }));
  }

  @Get(':action_id/form')
  @ApiOperation({ operationId: 'api_dm_actions_form_retrieve', summary: 'Get action form' })
  @ApiOkResponse({
    description: 'The fields of the action dialog, or null when it has none',
    schema: {
      type: 'array',
      items: { type: 'object', additionalProperties: true },
      nullable: true,
    },
  })
  async form(
    @CurrentAuth() auth: AuthContext,
    @Param('action_id') actionId: string,
    @Query() query: ActionsOfProjectQuery,
  ): Promise<unknown> {
    await this.projects.get(auth, query.project);
    const action = await this.actions.runnableBy(auth, actionId);
    return (await action.form?.(auth, query.project)) ?? action.dialog?.form ?? null;
  }

  /**
   * Applies the action to the tasks a view (`view`, or `tabID`) or the body's params select; a
   * large selection of a bulk action runs as a job and the answer says so (`async: true`).
   */
  @Post()
  @HttpCode(200)
  @ApiOperation({ operationId: 'api_dm_actions_create', summary: 'Post actions' })
  @ApiOkResponse({
    description: 'What the action did, e.g. {processed_items, detail}',
    schema: { type: 'object', additionalProperties: true },
  })
  async run(
    @CurrentAuth() auth: AuthContext,
    @Query() query: RunActionQuery,
    @Body() body: Record<string, unknown> = {},
  ): Promise<Record<string, unknown>> {
    return this.runner.run(auth, {
      actionId: query.id,
      projectId: query.project,
      viewId: query.view ?? query.tabID,
      params: pick(body, PREPARE_PARAMS),
      fields: omit(body, PREPARE_PARAMS),
    });
  }
}

function pick(body: unknown, keys: string[]): Record<string, unknown> {
  if (!isJsonObject(body)) return {};
  return Object.fromEntries(Object.entries(body).filter(([key]) => keys.includes(key)));
}

function omit(body: unknown, keys: string[]): Record<string, unknown> {
  if (!isJsonObject(body)) return {};
  return Object.fromEntries(Object.entries(body).filter(([key]) => !keys.includes(key)));
}
