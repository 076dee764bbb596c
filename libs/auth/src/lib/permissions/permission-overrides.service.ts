import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { OrganizationPermission } from '../entities/organization-permission.entity';
import { MemberRole } from '../entities/organization-member.entity';
import { Permission, PERMISSIONS, roleHolds } from './permission-catalogue';

/** How long a process trusts what it read of an organization's overrides. */
const REMEMBER_MS = 2_000;

interface Remembered {
  at: number;
  overrides: Promise<Map<string, string[]>>;
}

/**
 * Decides whether a role holds a permission in an organization: the organization's override of
 * that permission when it has one, else the catalogue's default. Overrides are read once per
 * organization every {@link REMEMBER_MS} per process (every request asks), and forgotten at once
 * in the process that changes them; other processes see a change within that time.
 */
@Injectable()
export class PermissionOverrides {
  private readonly remembered = new Map<number, Remembered>();

  constructor(
    @InjectRepository(OrganizationPermission)
    private readonly rows: Repository<OrganizationPermission>,
  ) {}

  async allows(organizationId: number, role: MemberRole, permission: Permission): Promise<boolean> {
    if (role === 'OW') return true;
    const overrides = await this.overridesOf(organizationId);
    return roleHolds(role, permission, overrides.get(permission) ?? null);
  }

  /** Every permission `role` holds in the organization (what `whoami` lists). */
  async heldBy(organizationId: number, role: MemberRole): Promise<Permission[]> {
    const overrides = await this.overridesOf(organizationId);
    return (Object.keys(PERMISSIONS) as Permission[]).filter((permission) =>
      roleHolds(role, permission, overrides.get(permission) ?? null),
    );
  }

  list(organizationId: number, manager?: EntityManager): Promise<OrganizationPermission[]> {
    const rows = manager ? manager.getRepository(OrganizationPermission) : this.rows;
    return rows.find({ where: { organization_id: organizationId }, order: { id: 'ASC' } });
  }

  forget(organizationId: number): void {
    this.remembered.delete(organizationId);
  }

  private overridesOf(organizationId: number): Promise<Map<string, string[]>> {
    const now = Date.now();
    const known = this.remembered.get(organizationId);
    if (known && now - known.at < REMEMBER_MS) return known.overrides;
    const overrides = this.list(organizationId).then(
      (rows) => new Map(rows.map((row) => [row.permission, row.roles])),
    );
    overrides.catch(() => this.remembered.delete(organizationId));
    this.remembered.set(organizationId, { at: now, overrides });
    return overrides;
  }
}
