import { SessionPolicy } from '../entities/session-policy.entity';
import { SessionTimeoutPolicyResponse } from './responses/session-timeout-policy.response';

export function serializeSessionPolicy(policy: SessionPolicy): SessionTimeoutPolicyResponse {
  return {
    max_session_age: policy.max_session_age,
    max_time_between_activity: policy.max_time_between_activity,
    created_at: policy.created_at.toISOString(),
    updated_at: policy.updated_at.toISOString(),
  };
}
