import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../context/auth-context';
import { CurrentAuth } from '../context/current-auth.decorator';
import { Requires } from '../permissions/requires.decorator';
import { GroupMappingsDto } from './dto/group-mappings.dto';
import {
  ScimSettingsResponse,
  ScimSettingsUpdateResponse,
} from './responses/scim-settings.response';
import { serializeGroupMappings } from './saml-settings.serializer';
import { ScimSettingsService } from './scim-settings.service';

/** The active organization's SCIM group mappings (the SCIM protocol itself is not served). */
@ApiTags('SSO')
@Requires('organizations.sso')
@Controller('api/scim/settings')
export class ScimSettingsController {
  constructor(private readonly settings: ScimSettingsService) {}

  @Get()
  @ApiOperation({ operationId: 'api_scim_settings_retrieve', summary: 'Retrieve SCIM Settings' })
  @ApiOkResponse({ type: ScimSettingsResponse })
  async get(@CurrentAuth() auth: AuthContext): Promise<ScimSettingsResponse> {
    return serializeGroupMappings(await this.settings.get(auth));
  }

  @Post()
  @ApiOperation({ operationId: 'api_scim_settings_create', summary: 'Update SCIM Settings' })
  @ApiCreatedResponse({ type: ScimSettingsUpdateResponse })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Body() body: GroupMappingsDto,
  ): Promise<ScimSettingsResponse> {
    return serializeGroupMappings(await this.settings.update(auth, body));
  }
}
