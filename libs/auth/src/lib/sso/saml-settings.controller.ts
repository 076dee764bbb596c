import { Body, Controller, Delete, Get, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { requestUrlOf } from '@ls/core';
import { AuthContext } from '../context/auth-context';
import { CurrentAuth } from '../context/current-auth.decorator';
import { Requires } from '../permissions/requires.decorator';
import { SamlSettingsUpdateDto } from './dto/saml-settings-update.dto';
import { ValidateMetadataUrlDto } from './dto/validate-metadata-url.dto';
import { SamlSettingsUpdateResponse } from './responses/saml-settings-update.response';
import { SamlSettingsResponse } from './responses/saml-settings.response';
import { ValidateMetadataUrlResponse } from './responses/validate-metadata-url.response';
import { serializeSamlSettings, serializeSamlSettingsUpdate } from './saml-settings.serializer';
import { SamlSettingsService } from './saml-settings.service';

/** The active organization's SAML settings. Signing in through SAML is not served (README). */
@ApiTags('SSO')
@Requires('organizations.sso')
@Controller('api/saml/settings')
export class SamlSettingsController {
  constructor(private readonly settings: SamlSettingsService) {}

  @Get()
  @ApiOperation({ operationId: 'api_saml_settings_retrieve', summary: 'Retrieve SAML2 Settings' })
  @ApiOkResponse({ type: SamlSettingsResponse })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Req() request: FastifyRequest,
  ): Promise<SamlSettingsResponse> {
    return serializeSamlSettings(await this.settings.get(auth), requestUrlOf(request).origin);
  }

  @Post()
  @ApiOperation({ operationId: 'api_saml_settings_create', summary: 'Update SAML2 Settings' })
  @ApiCreatedResponse({ type: SamlSettingsUpdateResponse })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Body() body: SamlSettingsUpdateDto,
  ): Promise<SamlSettingsUpdateResponse> {
    return serializeSamlSettingsUpdate(await this.settings.update(auth, body));
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_saml_settings_destroy', summary: 'Reset SAML2 Settings' })
  @ApiNoContentResponse({ description: 'Every configurable field is back to its default' })
  async reset(@CurrentAuth() auth: AuthContext): Promise<void> {
    await this.settings.reset(auth);
  }

  @Post('validate-metadata-url')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'api_saml_settings_validate_metadata_url_create',
    summary: 'Validate SAML Metadata URL',
  })
  @ApiOkResponse({ type: ValidateMetadataUrlResponse })
  async validateMetadataUrl(
    @Body() body: ValidateMetadataUrlDto,
  ): Promise<ValidateMetadataUrlResponse> {
    return { valid: await this.settings.metadataUrlIsValid(body.metadata_url) };
  }
}
