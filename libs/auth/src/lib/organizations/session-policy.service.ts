import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthContext } from '../context/auth-context';
import { OrganizationScope } from '../context/organization-scope';
import { SessionPolicy } from '../entities/session-policy.entity';
import { assertOwnOrganization } from './organizations.service';

export type SessionPolicyChanges = Partial<
  Pick<SessionPolicy, 'max_session_age' | 'max_time_between_activity'>
>;

@Injectable()
export class SessionPolicyService {
  private readonly scope: OrganizationScope<SessionPolicy>;

  constructor(
    @InjectRepository(SessionPolicy) private readonly policies: Repository<SessionPolicy>,
  ) {
    this.scope = new OrganizationScope(policies);
  }

  async get(auth: AuthContext): Promise<SessionPolicy> {
    const found = await this.scope.findOne(auth, {});
    return (
      found ?? this.policies.save(this.policies.create({ organization_id: auth.organizationId }))
    );
  }

  async update(auth: AuthContext, changes: SessionPolicyChanges): Promise<SessionPolicy> {
    assertOwnOrganization(auth, auth.organizationId);
    const current = await this.get(auth);
    return this.policies.save({ ...current, ...changes });
  }
}
