import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { StorageDirection } from '../storages/cloud-storage.entity';
import { CloudStoragesService } from '../storages/cloud-storages.service';
import { serializeStorage } from '../storages/storage-settings';
import { StorageTypes } from '../storages/storage-types';
import { optionalProjectId } from './project-query';
import { NamedIn } from '@ls/core';

const TYPES_SCHEMA = {
  type: 'array',
  items: { type: 'object', properties: { name: { type: 'string' }, title: { type: 'string' } } },
};
const STORAGES_SCHEMA = { type: 'array', items: { type: 'object', additionalProperties: {} } };

/** A project's storages of every type, and the types offered. */
@ApiTags('Storage')
@Requires('storages.manage')
@NamedIn('query', { project: 'project' })
@NamedIn('body', { project: 'project' })
@Controller('api/storages')
export class StorageListsController {
  constructor(
    private readonly storages: CloudStoragesService,
    private readonly types: StorageTypes,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'api_storages_list', summary: 'List import storages of every type' })
  @ApiQuery({ name: 'project', required: false, type: Number })
  @ApiQuery({ name: 'ordering', required: false, type: String })
  @ApiOkResponse({ schema: STORAGES_SCHEMA })
  importStorages(@CurrentAuth() auth: AuthContext, @Query('project') project?: string) {
    return this.all(auth, 'import', project);
  }

  @Get('export')
  @ApiOperation({
    operationId: 'api_storages_export_list',
    summary: 'List export storages of every type',
  })
  @ApiQuery({ name: 'project', required: false, type: Number })
  @ApiQuery({ name: 'ordering', required: false, type: String })
  @ApiOkResponse({ schema: STORAGES_SCHEMA })
  exportStorages(@CurrentAuth() auth: AuthContext, @Query('project') project?: string) {
    return this.all(auth, 'export', project);
  }

  @Get('types')
  @ApiOperation({ operationId: 'api_storages_types_retrieve', summary: 'Import storage types' })
  @ApiOkResponse({ description: 'List of import storage types', schema: TYPES_SCHEMA })
  importTypes() {
    return this.offered();
  }

  @Get('export/types')
  @ApiOperation({
    operationId: 'api_storages_export_types_retrieve',
    summary: 'Export storage types',
  })
  @ApiOkResponse({ description: 'List of export storage types', schema: TYPES_SCHEMA })
  exportTypes() {
    return this.offered();
  }

  private offered() {
    return this.types.offered().map(({ type, title }) => ({ name: type, title }));
  }

  private async all(auth: AuthContext, direction: StorageDirection, project?: string) {
    const listed = await this.storages.list(auth, direction, null, optionalProjectId(project));
    return listed.map((storage) => serializeStorage(storage, this.types.get(storage.type)));
  }
}
