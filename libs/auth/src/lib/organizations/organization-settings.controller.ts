import { Body, Controller, Param, ParseIntPipe, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ResourceParams } from '@ls/core';
import { AuthContext } from '../context/auth-context';
import { CurrentAuth } from '../context/current-auth.decorator';
import { Requires } from '../permissions/requires.decorator';
import { DefaultRoleDto } from './dto/default-role.dto';
import { OrganizationSettingsService } from './organization-settings.service';
import { DefaultRoleResponse } from './responses/default-role.response';

@ApiTags('Organizations')
@ResourceParams({ id: 'organization' })
@Controller('api/organizations/:id')
export class OrganizationSettingsController {
  constructor(private readonly settings: OrganizationSettingsService) {}

  @Patch('set-default-role')
  @Requires('organizations.change')
  @ApiOperation({
    operationId: 'api_organizations_set_default_role_partial_update',
    summary: 'Update the default role and organization-wide switches',
  })
  @ApiOkResponse({ type: DefaultRoleResponse })
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: DefaultRoleDto,
  ): Promise<DefaultRoleResponse> {
    return this.settings.update(auth, id, body);
  }
}
