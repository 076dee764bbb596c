import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { TransactionRunner } from '@ls/core';
import { AuthContext } from '../context/auth-context';
import { MemberRole, OrganizationMember } from '../entities/organization-member.entity';
import { User } from '../entities/user.entity';
import { UsersService } from '../users/users.service';
import { assertAdmin } from './organizations.service';

export interface InviteResult {
  invited: string[];
  already_members: string[];
}

/**
 * Invitations add people to the caller's organization as accounts without a password; they join
 * through the organization's invite link. This server sends no email itself.
 */
@Injectable()
export class InvitesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly users: UsersService,
    @InjectRepository(User) private readonly userRows: Repository<User>,
    @InjectRepository(OrganizationMember) private readonly members: Repository<OrganizationMember>,
  ) {}

  async invite(auth: AuthContext, emails: string[], role: MemberRole): Promise<InviteResult> {
    assertAdmin(auth, auth.organizationId);
    const result: InviteResult = { invited: [], already_members: [] };
    await this.transactions.run(async ({ manager }) => {
      for (const email of [...new Set(emails.map((e) => e.trim().toLowerCase()))]) {
        const existing = await manager.findOneBy(User, { email });
        if (!existing) {
          await this.users.create(manager, { email }, auth.organizationId, role);
          result.invited.push(email);
          continue;
        }
        const membership = await manager.findOneBy(OrganizationMember, {
          user_id: existing.id,
          organization_id: auth.organizationId,
        });
        if (membership && membership.deleted_at === null) {
          result.already_members.push(email);
        } else if (membership) {
          await manager.update(
            OrganizationMember,
            { id: membership.id },
            { deleted_at: null, role },
          );
          result.invited.push(email);
        } else {
          await manager.insert(OrganizationMember, {
            user_id: existing.id,
            organization_id: auth.organizationId,
            role,
            deleted_at: null,
          });
          result.invited.push(email);
        }
      }
    });
    return result;
  }

  /** Takes back an invitation that has not been used yet (the account was never active). */
  async revoke(auth: AuthContext, email: string): Promise<void> {
    assertAdmin(auth, auth.organizationId);
    const user = await this.userRows.findOneBy({ email: email.trim().toLowerCase() });
    const membership = user
      ? await this.members.findOneBy({
          user_id: user.id,
          organization_id: auth.organizationId,
          deleted_at: IsNull(),
        })
      : null;
    if (!user || !membership) throw new NotFoundException('No invitation for this email.');
    if (user.last_activity !== null) {
      throw new BadRequestException('This invitation was already accepted.');
    }
    await this.members.update({ id: membership.id }, { deleted_at: new Date() });
  }
}
