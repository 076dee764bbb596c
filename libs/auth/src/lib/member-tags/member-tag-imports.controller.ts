import { Controller, Get, Param, ParseIntPipe, Post, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { BodyLimit, MULTIPART_FIELD_LIMIT, ResourceParams } from '@ls/core';
import { AuthContext } from '../context/auth-context';
import { CurrentAuth } from '../context/current-auth.decorator';
import { Requires } from '../permissions/requires.decorator';
import { MEMBER_TAG_CSV_MAX_BYTES, readImportForm } from './import/member-tag-import-form';
import { MemberTagImportsService } from './import/member-tag-imports.service';
import { serializeMemberTagImport } from './member-tag.serializer';
import { assertActiveOrganization } from './organization-in-path';
import { MemberTagImportStartedResponse } from './responses/member-tag-counts.response';
import { MemberTagImportStatusResponse } from './responses/member-tag-import-status.response';

@ApiTags('Organizations', 'Member Tags')
@ResourceParams({ id: 'organization', importId: 'member_tag_import' })
@Controller('api/organizations/:id/member-tags/imports')
export class MemberTagImportsController {
  constructor(private readonly imports: MemberTagImportsService) {}

  @Post()
  @Requires('organizations.member_tags.change')
  @BodyLimit(() => MEMBER_TAG_CSV_MAX_BYTES + MULTIPART_FIELD_LIMIT)
  @ApiOperation({
    operationId: 'api_organizations_member_tags_imports_create',
    summary: 'Import member tags from CSV',
    description:
      'A CSV file with `email` and `tags` columns (tags comma-separated, quoted when one has a comma); unknown tags are created, `bulk_tags` are added to every row. Runs as a job: poll the import.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        bulk_tags: { type: 'string' },
      },
    },
  })
  @ApiCreatedResponse({ type: MemberTagImportStartedResponse })
  async start(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Req() request: FastifyRequest,
  ): Promise<MemberTagImportStartedResponse> {
    assertActiveOrganization(auth, id);
    const form = await readImportForm(request);
    const record = await this.imports.start(auth, id, form);
    return { import: record.id };
  }

  @Get(':importId')
  @Requires('organizations.member_tags.view')
  @ApiOperation({
    operationId: 'api_organizations_member_tags_imports_retrieve',
    summary: 'Get member tag import status',
  })
  @ApiOkResponse({ type: MemberTagImportStatusResponse })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('importId', ParseIntPipe) importId: number,
  ): Promise<MemberTagImportStatusResponse> {
    return serializeMemberTagImport(await this.imports.get(auth, id, importId));
  }
}
