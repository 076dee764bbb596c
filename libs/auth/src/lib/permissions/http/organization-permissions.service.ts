import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthContext } from '../../context/auth-context';
import { OrganizationPermission } from '../../entities/organization-permission.entity';
import { assertOwnOrganization } from '../../organizations/organizations.service';
import { definitionOf, isPermission, Permission, PERMISSIONS } from '../permission-catalogue';
import { PermissionOverrides } from '../permission-overrides.service';
import { OrganizationPermissionPatchDto } from './organization-permission.dto';
import {
  ConfigurablePermissionOptionResponse,
  OrganizationPermissionResponse,
} from './organization-permission.response';

const NOT_FOUND = 'Permission not found for organization';
const ORDERABLE = ['permission', 'label', 'group'] as const;

/** The configurable permissions (the catalogue's entries with options), as the options route lists them. */
export function configurableOptions(): ConfigurablePermissionOptionResponse[] {
  return (Object.keys(PERMISSIONS) as Permission[]).flatMap((permission) => {
    const definition = definitionOf(permission);
    if (!definition.options) return [];
    const { label, tooltip, group } = definition;
    return [
      {
        permission,
        label,
        tooltip,
        group,
        default: [...definition.default],
        options: [...definition.options],
      },
    ];
  });
}

export function orderBy<T extends ConfigurablePermissionOptionResponse>(
  rows: T[],
  ordering?: string,
): T[] {
  const descending = ordering?.startsWith('-') ?? false;
  const field = ordering?.replace(/^-/, '') as (typeof ORDERABLE)[number] | undefined;
  if (!field) return rows;
  if (!ORDERABLE.includes(field)) throw new BadRequestException(`Cannot order by "${ordering}".`);
  const sorted = [...rows].sort((a, b) => a[field].localeCompare(b[field]));
  return descending ? sorted.reverse() : sorted;
}

/**
 * An organization's overrides of configurable permissions: create, read, change, reset (delete).
 * Every change is forgotten at once by this process's {@link PermissionOverrides}.
 */
@Injectable()
export class OrganizationPermissionsService {
  constructor(
    @InjectRepository(OrganizationPermission)
    private readonly rows: Repository<OrganizationPermission>,
    private readonly overrides: PermissionOverrides,
  ) {}

  async list(auth: AuthContext, organizationId: number): Promise<OrganizationPermissionResponse[]> {
    assertOwnOrganization(auth, organizationId);
    const rows = await this.overrides.list(organizationId);
    return rows.filter((row) => isPermission(row.permission)).map(serialize);
  }

  async get(
    auth: AuthContext,
    organizationId: number,
    key: string,
  ): Promise<OrganizationPermissionResponse> {
    assertOwnOrganization(auth, organizationId);
    return serialize(await this.find(organizationId, key));
  }

  async create(
    auth: AuthContext,
    organizationId: number,
    permission: string,
    roles: string[] = [],
  ): Promise<OrganizationPermissionResponse> {
    assertOwnOrganization(auth, organizationId);
    const valid = validRoles(permission, roles);
    const duplicate = () =>
      new BadRequestException({
        permission: ['This permission is already set for the organization.'],
      });
    if (await this.rows.existsBy({ organization_id: organizationId, permission }))
      throw duplicate();
    // Two owners saving at once: the unique index refuses the second.
    await this.rows
      .insert({ organization_id: organizationId, permission, roles: valid })
      .catch(async (error: unknown) => {
        if (await this.rows.existsBy({ organization_id: organizationId, permission })) {
          throw duplicate();
        }
        throw error;
      });
    this.overrides.forget(organizationId);
    return serialize(await this.find(organizationId, permission));
  }

  async update(
    auth: AuthContext,
    organizationId: number,
    key: string,
    changes: OrganizationPermissionPatchDto,
  ): Promise<OrganizationPermissionResponse> {
    assertOwnOrganization(auth, organizationId);
    const row = await this.find(organizationId, key);
    if (changes.permission !== undefined && changes.permission !== row.permission) {
      throw new BadRequestException({
        permission: ['The permission of an override cannot change.'],
      });
    }
    if (changes.roles !== undefined) row.roles = validRoles(row.permission, changes.roles);
    await this.rows.save(row);
    this.overrides.forget(organizationId);
    return serialize(row);
  }

  async remove(auth: AuthContext, organizationId: number, key: string): Promise<void> {
    assertOwnOrganization(auth, organizationId);
    const row = await this.find(organizationId, key);
    await this.rows.delete({ id: row.id });
    this.overrides.forget(organizationId);
  }

  private async find(organizationId: number, key: string): Promise<OrganizationPermission> {
    const row = await this.rows.findOneBy({ organization_id: organizationId, permission: key });
    if (!row || !isPermission(row.permission)) throw new NotFoundException(NOT_FOUND);
    return row;
  }
}

function validRoles(permission: string, roles: string[]): string[] {
  if (!isPermission(permission) || !definitionOf(permission).options) {
    throw new BadRequestException({
      permission: [`"${permission}" is not a configurable permission.`],
    });
  }
  const options: readonly string[] = definitionOf(permission).options ?? [];
  const refused = roles.filter((role) => !options.includes(role));
  if (refused.length) {
    throw new BadRequestException({
      roles: [
        `Roles ${refused.join(', ')} cannot hold "${permission}"; allowed: ${options.join(', ')}.`,
      ],
    });
  }
  return [...new Set(roles)];
}

function serialize(row: OrganizationPermission): OrganizationPermissionResponse {
  const definition = definitionOf(row.permission as Permission);
  return {
    id: row.id,
    organization: row.organization_id,
    permission: row.permission,
    roles: row.roles,
    default: [...definition.default],
    options: [...(definition.options ?? [])],
    label: definition.label,
    tooltip: definition.tooltip,
    group: definition.group,
  };
}
