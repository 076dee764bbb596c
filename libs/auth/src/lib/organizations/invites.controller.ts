import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { requestUrlOf } from '@ls/core';
import { AuthContext } from '../context/auth-context';
import { CurrentAuth } from '../context/current-auth.decorator';
import { Organization } from '../entities/organization.entity';
import { RevokeInviteDto, SendInviteDto } from './dto/organization-input.dto';
import { InvitesService } from './invites.service';
import { OrganizationsService } from './organizations.service';

function inviteOf(organization: Organization, request: FastifyRequest) {
  const url = new URL('/user/signup/', requestUrlOf(request));
  url.searchParams.set('token', organization.token);
  return { invite_url: url.toString(), token: organization.token };
}

@ApiTags('Invites')
@Controller('api/invite')
export class InvitesController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly invites: InvitesService,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'api_invite_retrieve', summary: 'Get organization invite link' })
  async get(@CurrentAuth() auth: AuthContext, @Req() request: FastifyRequest) {
    return inviteOf(await this.organizations.getForMember(auth, auth.organizationId), request);
  }

  @Post('reset-token')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'api_invite_reset_token_create',
    summary: 'Reset organization token',
  })
  async reset(@CurrentAuth() auth: AuthContext, @Req() request: FastifyRequest) {
    return inviteOf(await this.organizations.resetInviteToken(auth), request);
  }

  @Post('send-email')
  @HttpCode(200)
  @ApiOperation({ operationId: 'api_invite_send_email_create', summary: 'Send email with invite' })
  async send(@CurrentAuth() auth: AuthContext, @Body() body: SendInviteDto) {
    return this.invites.invite(auth, body.emails, body.role);
  }

  @Post('revoke')
  @HttpCode(200)
  @ApiOperation({ operationId: 'api_invite_revoke_create', summary: 'Revoke invite' })
  async revoke(@CurrentAuth() auth: AuthContext, @Body() body: RevokeInviteDto) {
    await this.invites.revoke(auth, body.email);
    return {};
  }
}
