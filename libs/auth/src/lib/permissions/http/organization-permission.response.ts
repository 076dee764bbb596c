import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { MEMBER_ROLES } from '../../entities/organization-member.entity';

@ApiSchema({ name: 'ConfigurablePermissionOption' })
export class ConfigurablePermissionOptionResponse {
  @ApiProperty() permission!: string;
  @ApiProperty() label!: string;
  @ApiProperty() tooltip!: string;
  @ApiProperty() group!: string;
  @ApiProperty({ enum: MEMBER_ROLES, isArray: true }) default!: string[];
  @ApiProperty({ enum: MEMBER_ROLES, isArray: true }) options!: string[];
}

@ApiSchema({ name: 'OrganizationPermission' })
export class OrganizationPermissionResponse extends ConfigurablePermissionOptionResponse {
  @ApiProperty() id!: number;
  @ApiProperty() organization!: number;
  @ApiProperty({ enum: MEMBER_ROLES, isArray: true }) roles!: string[];
}
