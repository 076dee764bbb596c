import {
  Body,
  Controller,
  Delete,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ResourceParams } from '@ls/core';
import { AuthContext } from '../context/auth-context';
import { CurrentAuth } from '../context/current-auth.decorator';
import { Requires } from '../permissions/requires.decorator';
import { MemberTagAssignmentDto } from './dto/member-tag-assignment.dto';
import { MemberTagLabelsDto } from './dto/member-tag-labels.dto';
import { MemberSelectionQuery } from './dto/member-selection.query';
import { MemberTagAssignmentsService } from './member-tag-assignments.service';
import { MemberTagsService } from './member-tags.service';
import {
  MemberTagsAssignedResponse,
  MemberTagsCreatedResponse,
  MemberTagsDeletedResponse,
} from './responses/member-tag-counts.response';

@ApiTags('Organizations', 'Member Tags')
@ResourceParams({ id: 'organization' })
@Requires('organizations.member_tags.change')
@Controller('api/organizations/:id/member-tags')
export class MemberTagBulkController {
  constructor(
    private readonly tags: MemberTagsService,
    private readonly assignments: MemberTagAssignmentsService,
  ) {}

  @Post('bulk')
  @ApiOperation({
    operationId: 'api_organizations_member_tags_bulk_create',
    summary: 'Bulk create organization member tags',
  })
  @ApiCreatedResponse({ type: MemberTagsCreatedResponse })
  async bulkCreate(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: MemberTagLabelsDto,
  ): Promise<MemberTagsCreatedResponse> {
    return { created: await this.tags.bulkCreate(auth, id, body.labels) };
  }

  @Delete('bulk')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'api_organizations_member_tags_bulk_destroy',
    summary: 'Bulk delete organization member tags',
  })
  @ApiBody({ type: MemberTagLabelsDto })
  @ApiOkResponse({ type: MemberTagsDeletedResponse })
  async bulkDelete(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: MemberTagLabelsDto,
  ): Promise<MemberTagsDeletedResponse> {
    return { deleted: await this.tags.bulkDelete(auth, id, body.labels) };
  }

  @Post('assignments')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'api_organizations_member_tags_assignments_create',
    summary: 'Bulk assign tags to organization members',
  })
  @ApiOkResponse({ type: MemberTagsAssignedResponse })
  async assign(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: MemberTagAssignmentDto,
    @Query() query: MemberSelectionQuery,
  ): Promise<MemberTagsAssignedResponse> {
    return { assigned: await this.assignments.assign(auth, id, body, query) };
  }
}
