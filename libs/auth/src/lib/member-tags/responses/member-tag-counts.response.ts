import { ApiProperty } from '@nestjs/swagger';

export class MemberTagsCreatedResponse {
  @ApiProperty({ type: 'integer', description: 'Number of tags created' }) created!: number;
}

export class MemberTagsDeletedResponse {
  @ApiProperty({ type: 'integer', description: 'Number of tags deleted' }) deleted!: number;
}

export class MemberTagsAssignedResponse {
  @ApiProperty({ type: 'integer', description: 'Number of tag assignments created' })
  assigned!: number;
}

export class MemberTagImportStartedResponse {
  @ApiProperty({ type: 'integer', description: 'The ID of the created import job' })
  import!: number;
}
