import { JwtSettings } from '../entities/jwt-settings.entity';
import { JwtSettingsResponse } from './responses/jwt-settings.response';

export function serializeJwtSettings(settings: JwtSettings): JwtSettingsResponse {
  return {
    api_tokens_enabled: settings.api_tokens_enabled,
    legacy_api_tokens_enabled: settings.legacy_api_tokens_enabled,
    api_token_ttl_days: settings.api_token_ttl_days,
  };
}
