import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OrganizationResources } from '../context/organization-resources';
import { OrganizationScope } from '../context/organization-scope';
import { OrganizationMemberTagImport } from '../entities/organization-member-tag-import.entity';
import { OrganizationMemberTag } from '../entities/organization-member-tag.entity';

/** The kinds of object member tag routes name: `member_tag`, `member_tag_import`. */
@Injectable()
export class MemberTagResources implements OnModuleInit {
  constructor(
    private readonly resources: OrganizationResources,
    @InjectRepository(OrganizationMemberTag)
    private readonly tags: Repository<OrganizationMemberTag>,
    @InjectRepository(OrganizationMemberTagImport)
    private readonly imports: Repository<OrganizationMemberTagImport>,
  ) {}

  onModuleInit(): void {
    const tags = new OrganizationScope(this.tags);
    this.resources.registerById('member_tag', (auth, id) => tags.exists(auth, { id }));
    const imports = new OrganizationScope(this.imports);
    this.resources.registerById('member_tag_import', (auth, id) => imports.exists(auth, { id }));
  }
}
