import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, JsonColumn, UpdatedAtColumn } from '@ls/core';
import { Organization } from './organization.entity';

/** `[[name, group], ...]`: an organization role or a workspace per identity-provider group. */
export type GroupPairs = [string, string][];

export const PROJECT_GROUP_ROLES = ['Inherit', 'Annotator', 'Reviewer'] as const;
export type ProjectGroupRole = (typeof PROJECT_GROUP_ROLES)[number];

export interface ProjectGroup {
  project_id: number;
  group: string;
  role: ProjectGroupRole;
}

/**
 * An organization's SAML single sign-on settings: its identity provider and how the provider's
 * attributes and groups map to users, roles, workspaces and projects. One row per organization.
 */
@Entity('saml_settings')
export class SamlSettings {
  @PrimaryColumn({ type: 'integer' })
  organization_id!: number;

  @OneToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  /** Comma-separated email domains the organization owns. */
  @Column({ type: 'text', default: '' })
  domain!: string;

  @Column({ type: 'varchar', length: 256, nullable: true })
  idp_provider!: string | null;

  @Column({ type: 'text', default: '' })
  metadata_url!: string;

  @Column({ type: 'text', default: '' })
  metadata_xml!: string;

  @Column({ type: 'varchar', length: 1024, nullable: true })
  mapping_email!: string | null;

  @Column({ type: 'varchar', length: 1024, nullable: true })
  mapping_first_name!: string | null;

  @Column({ type: 'varchar', length: 1024, nullable: true })
  mapping_last_name!: string | null;

  @Column({ type: 'varchar', length: 1024, nullable: true })
  mapping_groups!: string | null;

  @JsonColumn({ nullable: true })
  roles_groups!: GroupPairs | null;

  @JsonColumn({ nullable: true })
  workspaces_groups!: GroupPairs | null;

  @JsonColumn({ nullable: true })
  projects_groups!: ProjectGroup[] | null;

  /** The secret part of the service provider URLs the identity provider is given. */
  @Column({ type: 'varchar', length: 256 })
  token!: string;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;
}
