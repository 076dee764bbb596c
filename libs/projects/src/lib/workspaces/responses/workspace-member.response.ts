import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { LseUserResponse } from '@ls/auth';
import { PageResponse } from '@ls/core';

@ApiSchema({ name: 'WorkspaceMemberList' })
export class WorkspaceMemberListResponse {
  @ApiProperty({ type: () => LseUserResponse }) user!: LseUserResponse;
  @ApiProperty({ type: 'integer' }) workspace!: number;
}

@ApiSchema({ name: 'WorkspaceMemberCreate' })
export class WorkspaceMemberCreateResponse {
  @ApiProperty({ type: 'integer' }) user!: number;
  @ApiProperty({ type: 'integer' }) workspace!: number;
}

export const LseUserPageResponse = PageResponse(LseUserResponse, 'PaginatedLseUserList');
