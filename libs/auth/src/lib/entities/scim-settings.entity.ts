import { Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, JsonColumn, UpdatedAtColumn } from '@ls/core';
import { Organization } from './organization.entity';
import type { GroupPairs, ProjectGroup } from './saml-settings.entity';

/** How groups pushed by a SCIM client map to roles, workspaces and projects. One row per organization. */
@Entity('scim_settings')
export class ScimSettings {
  @PrimaryColumn({ type: 'integer' })
  organization_id!: number;

  @OneToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @JsonColumn({ nullable: true })
  roles_groups!: GroupPairs | null;

  @JsonColumn({ nullable: true })
  workspaces_groups!: GroupPairs | null;

  @JsonColumn({ nullable: true })
  projects_groups!: ProjectGroup[] | null;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;
}
