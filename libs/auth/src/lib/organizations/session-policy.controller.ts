import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../context/auth-context';
import { CurrentAuth } from '../context/current-auth.decorator';
import { SessionPolicy } from '../entities/session-policy.entity';
import { SessionPolicyUpdateDto } from './dto/organization-input.dto';
import { SessionPolicyService } from './session-policy.service';

@ApiTags('Session Policy')
@Controller('api/session-policy')
export class SessionPolicyController {
  constructor(private readonly policies: SessionPolicyService) {}

  @Get()
  @ApiOperation({
    operationId: 'api_session_policy_retrieve',
    summary: 'Retrieve session timeout policy',
  })
  async get(@CurrentAuth() auth: AuthContext) {
    return serializePolicy(await this.policies.get(auth));
  }

  @Patch()
  @ApiOperation({
    operationId: 'api_session_policy_partial_update',
    summary: 'Update session timeout policy',
  })
  async update(@CurrentAuth() auth: AuthContext, @Body() body: SessionPolicyUpdateDto) {
    return serializePolicy(await this.policies.update(auth, body));
  }
}

function serializePolicy(policy: SessionPolicy) {
  return {
    max_session_age: policy.max_session_age,
    max_time_between_activity: policy.max_time_between_activity,
    created_at: policy.created_at.toISOString(),
    updated_at: policy.updated_at.toISOString(),
  };
}
