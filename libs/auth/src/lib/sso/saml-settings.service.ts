import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OutboundHttp, OutboundHttpError, ValidationFailedException } from '@ls/core';
import { AuthContext } from '../context/auth-context';
import { OrganizationScope } from '../context/organization-scope';
import { newInviteToken } from '../credentials/random-tokens';
import { SamlSettings } from '../entities/saml-settings.entity';
import { SamlSettingsUpdateDto } from './dto/saml-settings-update.dto';
import { domainListProblems } from './email-domains';
import { isEntityDescriptor, MAX_METADATA_BYTES } from './saml-metadata';

/** What every configurable field holds before an administrator sets it, and after a reset. */
export const SAML_DEFAULTS = {
  domain: '',
  idp_provider: null,
  metadata_url: '',
  metadata_xml: '',
  mapping_email: 'Email',
  mapping_first_name: 'FirstName',
  mapping_last_name: 'LastName',
  mapping_groups: 'Groups',
  roles_groups: [],
  workspaces_groups: [],
  projects_groups: [],
} satisfies Partial<SamlSettings>;

const METADATA_FETCH_TIMEOUT_MS = 10_000;

@Injectable()
export class SamlSettingsService {
  private readonly scope: OrganizationScope<SamlSettings>;

  constructor(
    private readonly http: OutboundHttp,
    @InjectRepository(SamlSettings) private readonly settings: Repository<SamlSettings>,
  ) {
    this.scope = new OrganizationScope(settings);
  }

  /** The active organization's settings, made with the defaults on first read. */
  async get(auth: AuthContext): Promise<SamlSettings> {
    const found = await this.scope.findOne(auth, {});
    if (found) return found;
    await this.settings
      .createQueryBuilder()
      .insert()
      .values({ organization_id: auth.organizationId, token: newInviteToken(), ...SAML_DEFAULTS })
      .orIgnore()
      .execute();
    return this.scope.findOneOr404(auth, {});
  }

  /** Changes the fields given; the others keep their values. */
  async update(auth: AuthContext, changes: SamlSettingsUpdateDto): Promise<SamlSettings> {
    assertValidSettings(changes);
    const current = await this.get(auth);
    const next: Partial<SamlSettings> = { ...changes };
    for (const key of ['roles_groups', 'workspaces_groups', 'projects_groups'] as const) {
      if (changes[key] === null) next[key] = [];
    }
    if (Object.keys(next).length > 0) {
      await this.settings.update({ organization_id: current.organization_id }, next);
    }
    return this.get(auth);
  }

  /** Every configurable field back to its default; the record and its token stay. */
  async reset(auth: AuthContext): Promise<void> {
    const current = await this.get(auth);
    await this.settings.update({ organization_id: current.organization_id }, SAML_DEFAULTS);
  }

  /**
   * Whether the URL answers with SAML metadata. Fetched like every user-given URL (`OutboundHttp`:
   * reserved addresses refused unless `SSRF_ALLOWED_NETWORKS` allows them, no redirects, a
   * deadline); any failure to get a document, refusals included, is `false`.
   */
  async metadataUrlIsValid(url: string): Promise<boolean> {
    try {
      const response = await this.http.request({
        method: 'GET',
        url,
        headers: { Accept: 'application/samlmetadata+xml, application/xml, text/xml' },
        timeoutMs: METADATA_FETCH_TIMEOUT_MS,
        maxResponseBytes: MAX_METADATA_BYTES,
      });
      if (response.status < 200 || response.status >= 300) return false;
      return isEntityDescriptor(response.body.toString('utf8'));
    } catch (error) {
      if (error instanceof OutboundHttpError) return false;
      throw error;
    }
  }
}

/** The checks a DTO cannot say: a list of real domains, metadata that is SAML metadata. */
function assertValidSettings(changes: SamlSettingsUpdateDto): void {
  const errors: Record<string, string[]> = {};
  if (changes.domain !== undefined) {
    const problems = domainListProblems(changes.domain);
    if (problems.length > 0) errors.domain = problems.slice(0, 10);
  }
  if (changes.metadata_xml && !isEntityDescriptor(changes.metadata_xml)) {
    errors.metadata_xml = [
      'Metadata XML must be a well-formed XML document whose root element is an EntityDescriptor.',
    ];
  }
  if (Object.keys(errors).length > 0) throw new ValidationFailedException(errors);
}
