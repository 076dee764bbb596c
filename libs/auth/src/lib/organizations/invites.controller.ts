import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AccountRoute, PublicRoute, requestUrlOf } from '@ls/core';
import { AccountContext, AuthContext } from '../context/auth-context';
import { CurrentAccount, CurrentAuth } from '../context/current-auth.decorator';
import { serializeUser } from '../users/user.serializer';
import { AcceptInviteDto } from './dto/accept-invite.dto';
import { RevokeInviteDto } from './dto/revoke-invite.dto';
import { SendInviteDto } from './dto/send-invite.dto';
import { SignUpDto } from './dto/sign-up.dto';
import { InviteAcceptanceService } from './invite-acceptance.service';
import { serializeInviteLink, serializeSentInvites } from './invite.serializer';
import { InvitesService } from './invites.service';
import { serializeOrganizationSummary } from './organization.serializer';
import { OrganizationsService } from './organizations.service';
import { InviteAcceptedResponse } from './responses/invite-accepted.response';
import { InviteSignUpResponse } from './responses/invite-sign-up.response';
import { OrganizationInviteResponse } from './responses/organization-invite.response';
import { SentInvitesResponse } from './responses/sent-invites.response';
import { Requires } from '../permissions/requires.decorator';

@ApiTags('Invites')
@Controller('api/invite')
export class InvitesController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly invites: InvitesService,
    private readonly acceptance: InviteAcceptanceService,
  ) {}

  @Get()
  @Requires('organizations.invite')
  @ApiOperation({ operationId: 'api_invite_retrieve', summary: 'Get organization invite link' })
  @ApiOkResponse({ type: OrganizationInviteResponse })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Req() request: FastifyRequest,
  ): Promise<OrganizationInviteResponse> {
    const { token } = await this.organizations.getForMember(auth, auth.organizationId);
    return serializeInviteLink(token, requestUrlOf(request));
  }

  @Post('reset-token')
  @Requires('organizations.change')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'api_invite_reset_token_create',
    summary: 'Reset organization token',
  })
  @ApiOkResponse({ type: OrganizationInviteResponse })
  async reset(
    @CurrentAuth() auth: AuthContext,
    @Req() request: FastifyRequest,
  ): Promise<OrganizationInviteResponse> {
    const { token } = await this.organizations.resetInviteToken(auth);
    return serializeInviteLink(token, requestUrlOf(request));
  }

  /** No email leaves this server: each invitation's link is in the answer, to pass on. */
  @Post('send-email')
  @Requires('organizations.invite')
  @HttpCode(200)
  @ApiOperation({ operationId: 'api_invite_send_email_create', summary: 'Send email with invite' })
  @ApiOkResponse({ type: SentInvitesResponse })
  async send(
    @CurrentAuth() auth: AuthContext,
    @Body() body: SendInviteDto,
    @Req() request: FastifyRequest,
  ): Promise<SentInvitesResponse> {
    const result = await this.invites.invite(auth, body.emails, body.role);
    return serializeSentInvites(result, requestUrlOf(request));
  }

  @Post('revoke')
  @Requires('organizations.invite')
  @HttpCode(200)
  @ApiOperation({ operationId: 'api_invite_revoke_create', summary: 'Revoke invite' })
  @ApiOkResponse({ description: 'Revoked', schema: { type: 'object', properties: {} } })
  async revoke(
    @CurrentAuth() auth: AuthContext,
    @Body() body: RevokeInviteDto,
  ): Promise<Record<string, never>> {
    await this.invites.revoke(auth, body.email);
    return {};
  }

  /** The signed-in caller joins the organization of an invitation or invite link. */
  @Post('accept')
  @HttpCode(200)
  @AccountRoute()
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ operationId: 'api_invite_accept_create', summary: 'Accept an invitation' })
  @ApiOkResponse({ type: InviteAcceptedResponse })
  async accept(
    @CurrentAccount() account: AccountContext,
    @Body() body: AcceptInviteDto,
  ): Promise<InviteAcceptedResponse> {
    const { organization, role } = await this.acceptance.accept(account, body.token);
    return { organization: serializeOrganizationSummary(organization), role };
  }

  /** A new account made with an invitation or invite link; answers with its API key. */
  @Post('signup')
  @HttpCode(201)
  @PublicRoute()
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ operationId: 'api_invite_signup_create', summary: 'Sign up with an invitation' })
  @ApiCreatedResponse({ type: InviteSignUpResponse })
  async signUp(@Body() body: SignUpDto): Promise<InviteSignUpResponse> {
    const { token, ...profile } = body;
    const { user, role, key, organization } = await this.acceptance.signUp(token, profile);
    return {
      user: serializeUser(user, { role, deleted_at: null, organization_id: organization.id }),
      organization: serializeOrganizationSummary(organization),
      token: key,
    };
  }
}
