import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AccountRoute, PublicRoute, requestUrlOf } from '@ls/core';
import { AccountContext, AuthContext } from '../context/auth-context';
import { CurrentAccount, CurrentAuth } from '../context/current-auth.decorator';
import { serializeOrganizationSummary } from './organization.serializer';
import { serializeUser } from '../users/user.serializer';
import {
  AcceptInviteDto,
  RevokeInviteDto,
  SendInviteDto,
  SignUpDto,
} from './dto/organization-input.dto';
import { InviteAcceptanceService } from './invite-acceptance.service';
import { InvitesService } from './invites.service';
import { OrganizationsService } from './organizations.service';

/** Label Studio's sign-up page, which takes either kind of token. */
function inviteUrl(token: string, request: FastifyRequest): string {
  const url = new URL('/user/signup/', requestUrlOf(request));
  url.searchParams.set('token', token);
  return url.toString();
}

@ApiTags('Invites')
@Controller('api/invite')
export class InvitesController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly invites: InvitesService,
    private readonly acceptance: InviteAcceptanceService,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'api_invite_retrieve', summary: 'Get organization invite link' })
  async get(@CurrentAuth() auth: AuthContext, @Req() request: FastifyRequest) {
    const { token } = await this.organizations.getForMember(auth, auth.organizationId);
    return { invite_url: inviteUrl(token, request), token };
  }

  @Post('reset-token')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'api_invite_reset_token_create',
    summary: 'Reset organization token',
  })
  async reset(@CurrentAuth() auth: AuthContext, @Req() request: FastifyRequest) {
    const { token } = await this.organizations.resetInviteToken(auth);
    return { invite_url: inviteUrl(token, request), token };
  }

  /** No email leaves this server: each invitation's link is in the answer, to pass on. */
  @Post('send-email')
  @HttpCode(200)
  @ApiOperation({ operationId: 'api_invite_send_email_create', summary: 'Send email with invite' })
  async send(
    @CurrentAuth() auth: AuthContext,
    @Body() body: SendInviteDto,
    @Req() request: FastifyRequest,
  ) {
    const result = await this.invites.invite(auth, body.emails, body.role);
    return {
      invited: result.invited,
      already_members: result.already_members,
      invites: result.invites.map(({ email, token, expires_at }) => ({
        email,
        invite_url: inviteUrl(token, request),
        expires_at,
      })),
    };
  }

  @Post('revoke')
  @HttpCode(200)
  @ApiOperation({ operationId: 'api_invite_revoke_create', summary: 'Revoke invite' })
  async revoke(@CurrentAuth() auth: AuthContext, @Body() body: RevokeInviteDto) {
    await this.invites.revoke(auth, body.email);
    return {};
  }

  /** The signed-in caller joins the organization of an invitation or invite link. */
  @Post('accept')
  @HttpCode(200)
  @AccountRoute()
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ operationId: 'api_invite_accept_create', summary: 'Accept an invitation' })
  async accept(@CurrentAccount() account: AccountContext, @Body() body: AcceptInviteDto) {
    const { organization, role } = await this.acceptance.accept(account, body.token);
    return { organization: serializeOrganizationSummary(organization), role };
  }

  /** A new account made with an invitation or invite link; answers with its API key. */
  @Post('signup')
  @HttpCode(201)
  @PublicRoute()
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ operationId: 'api_invite_signup_create', summary: 'Sign up with an invitation' })
  async signUp(@Body() body: SignUpDto) {
    const { token, ...profile } = body;
    const { user, role, key, organization } = await this.acceptance.signUp(token, profile);
    return {
      user: serializeUser(user, { role, deleted_at: null, organization_id: organization.id }),
      organization: serializeOrganizationSummary(organization),
      token: key,
    };
  }
}
