import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { JwtSettings } from '../entities/jwt-settings.entity';

export type JwtSettingsValues = Pick<
  JwtSettings,
  'api_tokens_enabled' | 'legacy_api_tokens_enabled' | 'api_token_ttl_days'
>;

@Injectable()
export class JwtSettingsService {
  constructor(@InjectRepository(JwtSettings) private readonly settings: Repository<JwtSettings>) {}

  /** Every organization has its row from creation on (see OrganizationsService). */
  async forOrganization(organizationId: number): Promise<JwtSettings> {
    const found = await this.settings.findOneBy({ organization_id: organizationId });
    return found ?? this.settings.create({ organization_id: organizationId });
  }

  async update(organizationId: number, values: Partial<JwtSettingsValues>): Promise<JwtSettings> {
    const current = await this.forOrganization(organizationId);
    return this.settings.save({ ...current, ...values });
  }
}
