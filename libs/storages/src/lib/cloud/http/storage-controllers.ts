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
  Query,
  Type,
} from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { createValidationPipe, NamedIn, ResourceParams } from '@ls/core';
import { StorageDirection } from '../storages/cloud-storage.entity';
import { CloudStoragesService } from '../storages/cloud-storages.service';
import { storageRequestClass } from '../storages/storage-requests';
import { serializeStorage } from '../storages/storage-settings';
import { StorageType } from '../storages/storage-type';
import { storageResourceKind } from './storage-resource-kind';
import { optionalProjectId } from './project-query';
import { storageResponseClass } from './storage-response-schema';

/** The contract's tag of each type's routes. */
const TAGS: Record<string, string> = {
  s3: 'Storage: S3',
  s3s: 'Storage: S3 Roles',
  redis: 'Storage: Redis',
  localfiles: 'Storage: Local',
};

/** A body validated by its type's request class (the parameter's own type says nothing). */
type StorageRequestBody = Record<string, unknown>;

/**
 * The seven routes of one storage type and direction (`/api/storages/<type>/` or
 * `/api/storages/export/<type>`): list, create, validate, get, update, delete, sync. Built per
 * type, since each has its own body and response schema and operation ids.
 */
export function storageController(storageType: StorageType, direction: StorageDirection): Type {
  const { type } = storageType;
  const path = direction === 'import' ? `api/storages/${type}` : `api/storages/export/${type}`;
  const operation = (suffix: string) =>
    direction === 'import'
      ? `api_storages_${type}_${suffix}`
      : `api_storages_export_${type}_${suffix}`;
  const label = `${direction} storage (${storageType.title})`;
  const ref = { direction, type };
  const response = storageResponseClass(storageType, direction);
  const createBody = storageRequestClass(storageType, direction, 'create');
  const updateBody = storageRequestClass(storageType, direction, 'update');
  const validateBody = storageRequestClass(storageType, direction, 'validate');

  @ApiTags(TAGS[type] ?? 'Storage')
  @ResourceParams({ id: storageResourceKind(type, direction) })
  @Requires('storages.manage')
  @NamedIn('query', { project: 'project' })
  @NamedIn('body', { project: 'project' })
  @Controller(path)
  class StorageController {
    constructor(readonly storages: CloudStoragesService) {}

    @Get()
    @ApiOperation({ operationId: operation('list'), summary: `List ${label}s of a project` })
    @ApiQuery({ name: 'project', required: true, type: Number })
    @ApiQuery({ name: 'ordering', required: false, type: String })
    @ApiOkResponse({ type: [response] })
    async list(@CurrentAuth() auth: AuthContext, @Query('project') project?: string) {
      const listed = await this.storages.list(auth, direction, type, optionalProjectId(project));
      return listed.map((storage) => serializeStorage(storage, storageType));
    }

    @Post()
    @HttpCode(201)
    @ApiOperation({ operationId: operation('create'), summary: `Create ${label}` })
    @ApiBody({ type: createBody })
    @ApiCreatedResponse({ type: response })
    async create(
      @CurrentAuth() auth: AuthContext,
      @Body(createValidationPipe(createBody)) body: StorageRequestBody,
    ) {
      return serializeStorage(await this.storages.create(auth, ref, body), storageType);
    }

    @Post('validate')
    @HttpCode(200)
    @ApiOperation({ operationId: operation('validate_create'), summary: `Validate ${label}` })
    @ApiBody({ type: validateBody })
    @ApiOkResponse({ description: 'Validation successful' })
    async validate(
      @CurrentAuth() auth: AuthContext,
      @Body(createValidationPipe(validateBody)) body: StorageRequestBody,
    ): Promise<void> {
      await this.storages.validate(auth, ref, body);
    }

    @Get(':id')
    @ApiOperation({ operationId: operation('retrieve'), summary: `Get ${label}` })
    @ApiOkResponse({ type: response })
    async get(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
      return serializeStorage(await this.storages.get(auth, ref, id), storageType);
    }

    @Patch(':id')
    @ApiOperation({ operationId: operation('partial_update'), summary: `Update ${label}` })
    @ApiBody({ type: updateBody })
    @ApiOkResponse({ type: response })
    async update(
      @CurrentAuth() auth: AuthContext,
      @Param('id', ParseIntPipe) id: number,
      @Body(createValidationPipe(updateBody)) body: StorageRequestBody,
    ) {
      return serializeStorage(await this.storages.update(auth, ref, id, body), storageType);
    }

    @Delete(':id')
    @HttpCode(204)
    @ApiOperation({ operationId: operation('destroy'), summary: `Delete ${label}` })
    @ApiNoContentResponse()
    async remove(
      @CurrentAuth() auth: AuthContext,
      @Param('id', ParseIntPipe) id: number,
    ): Promise<void> {
      await this.storages.remove(auth, ref, id);
    }

    @Post(':id/sync')
    @HttpCode(200)
    @ApiOperation({ operationId: operation('sync_create'), summary: `Sync ${label}` })
    @ApiOkResponse({ type: response })
    async sync(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
      return serializeStorage(await this.storages.sync(auth, ref, id), storageType);
    }
  }
  Object.defineProperty(StorageController, 'name', {
    value: `${type[0].toUpperCase()}${type.slice(1)}${direction === 'import' ? 'Import' : 'Export'}StorageController`,
  });
  return StorageController;
}
