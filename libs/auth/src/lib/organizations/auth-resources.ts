import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { OrganizationResources } from '../context/organization-resources';
import { OrganizationScope } from '../context/organization-scope';
import { OrganizationMember } from '../entities/organization-member.entity';

/** The kinds of object auth routes name: `organization` (one the caller belongs to), `user` (a member). */
@Injectable()
export class AuthResources implements OnModuleInit {
  constructor(
    private readonly resources: OrganizationResources,
    @InjectRepository(OrganizationMember) private readonly members: Repository<OrganizationMember>,
  ) {}

  onModuleInit(): void {
    this.resources.registerById('organization', (auth, id) =>
      this.members.existsBy({ user_id: auth.user.id, organization_id: id, deleted_at: IsNull() }),
    );
    const memberScope = new OrganizationScope(this.members);
    this.resources.registerById('user', (auth, id) =>
      memberScope.exists(auth, { user_id: id, deleted_at: IsNull() }),
    );
  }
}
