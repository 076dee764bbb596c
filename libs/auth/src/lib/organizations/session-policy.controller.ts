import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../context/auth-context';
import { CurrentAuth } from '../context/current-auth.decorator';
import { SessionPolicyUpdateDto } from './dto/session-policy-update.dto';
import { SessionTimeoutPolicyResponse } from './responses/session-timeout-policy.response';
import { serializeSessionPolicy } from './session-policy.serializer';
import { SessionPolicyService } from './session-policy.service';
import { Requires } from '../permissions/requires.decorator';

@ApiTags('Session Policy')
@Controller('api/session-policy')
export class SessionPolicyController {
  constructor(private readonly policies: SessionPolicyService) {}

  @Get()
  @Requires('organizations.view')
  @ApiOperation({
    operationId: 'api_session_policy_retrieve',
    summary: 'Retrieve session timeout policy',
  })
  @ApiOkResponse({ type: SessionTimeoutPolicyResponse })
  async get(@CurrentAuth() auth: AuthContext): Promise<SessionTimeoutPolicyResponse> {
    return serializeSessionPolicy(await this.policies.get(auth));
  }

  @Patch()
  @Requires('organizations.change')
  @ApiOperation({
    operationId: 'api_session_policy_partial_update',
    summary: 'Update session timeout policy',
  })
  @ApiOkResponse({ type: SessionTimeoutPolicyResponse })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Body() body: SessionPolicyUpdateDto,
  ): Promise<SessionTimeoutPolicyResponse> {
    return serializeSessionPolicy(await this.policies.update(auth, body));
  }
}
