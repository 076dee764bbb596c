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
  Req,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Page, pageWindow, requestUrlOf, ResourceParams, toPage } from '@ls/core';
import { AuthContext } from '../context/auth-context';
import { CurrentAuth } from '../context/current-auth.decorator';
import { Requires } from '../permissions/requires.decorator';
import { MemberTagDto, MemberTagUpdateDto } from './dto/member-tag.dto';
import { MemberTagsQuery } from './dto/member-tags.query';
import { serializeMemberTag } from './member-tag.serializer';
import { MemberTagsService } from './member-tags.service';
import { MemberTagPageResponse } from './responses/member-tag-page.response';
import { MemberTagResponse } from './responses/member-tag.response';

/** Member tags are listed 30 a page, up to 100. */
const TAG_PAGES = { defaultSize: 30, maxSize: 100 };

@ApiTags('Organizations', 'Member Tags')
@ResourceParams({ id: 'organization', tagId: 'member_tag' })
@Controller('api/organizations/:id/member-tags')
export class MemberTagsController {
  constructor(private readonly tags: MemberTagsService) {}

  @Get()
  @Requires('organizations.member_tags.view')
  @ApiOperation({
    operationId: 'api_organizations_member_tags_list',
    summary: 'List organization member tags',
  })
  @ApiOkResponse({ type: MemberTagPageResponse })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: MemberTagsQuery,
    @Req() request: FastifyRequest,
  ): Promise<Page<MemberTagResponse>> {
    const window = pageWindow(query, TAG_PAGES);
    const { rows, count } = await this.tags.list(auth, id, query, window);
    return toPage(rows.map(serializeMemberTag), count, window, requestUrlOf(request));
  }

  @Post()
  @Requires('organizations.member_tags.change')
  @ApiOperation({
    operationId: 'api_organizations_member_tags_create',
    summary: 'Create organization member tag',
  })
  @ApiCreatedResponse({ type: MemberTagResponse })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: MemberTagDto,
  ): Promise<MemberTagResponse> {
    return serializeMemberTag(await this.tags.create(auth, id, body.label));
  }

  @Get(':tagId')
  @Requires('organizations.member_tags.view')
  @ApiOperation({
    operationId: 'api_organizations_member_tags_retrieve',
    summary: 'Get organization member tag',
  })
  @ApiOkResponse({ type: MemberTagResponse })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('tagId', ParseIntPipe) tagId: number,
  ): Promise<MemberTagResponse> {
    return serializeMemberTag(await this.tags.get(auth, id, tagId));
  }

  @Patch(':tagId')
  @Requires('organizations.member_tags.change')
  @ApiOperation({
    operationId: 'api_organizations_member_tags_partial_update',
    summary: 'Update organization member tag',
  })
  @ApiOkResponse({ type: MemberTagResponse })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('tagId', ParseIntPipe) tagId: number,
    @Body() body: MemberTagUpdateDto,
  ): Promise<MemberTagResponse> {
    return serializeMemberTag(await this.tags.update(auth, id, tagId, body.label));
  }

  @Delete(':tagId')
  @HttpCode(204)
  @Requires('organizations.member_tags.change')
  @ApiOperation({
    operationId: 'api_organizations_member_tags_destroy',
    summary: 'Delete organization member tag',
  })
  @ApiNoContentResponse({ description: 'Member tag deleted, with its assignments' })
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('tagId', ParseIntPipe) tagId: number,
  ): Promise<void> {
    await this.tags.remove(auth, id, tagId);
  }
}
