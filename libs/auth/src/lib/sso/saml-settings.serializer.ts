import { SamlSettings } from '../entities/saml-settings.entity';
import { ScimSettings } from '../entities/scim-settings.entity';
import { SamlSettingsUpdateResponse } from './responses/saml-settings-update.response';
import { SamlSettingsResponse } from './responses/saml-settings.response';
import { ScimSettingsResponse } from './responses/scim-settings.response';

/** The service provider asks for the user's email as their name id. */
export const NAMEID_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';

export function serializeGroupMappings(
  settings: SamlSettings | ScimSettings,
): ScimSettingsResponse {
  return {
    roles_groups: settings.roles_groups,
    workspaces_groups: settings.workspaces_groups,
    projects_groups: settings.projects_groups,
  };
}

export function serializeSamlSettingsUpdate(settings: SamlSettings): SamlSettingsUpdateResponse {
  return {
    ...(settings.domain ? { domain: settings.domain } : {}),
    idp_provider: settings.idp_provider,
    metadata_url: settings.metadata_url,
    metadata_xml: settings.metadata_xml,
    mapping_email: settings.mapping_email,
    mapping_first_name: settings.mapping_first_name,
    mapping_last_name: settings.mapping_last_name,
    mapping_groups: settings.mapping_groups,
    ...serializeGroupMappings(settings),
  };
}

/** `origin`: scheme and host the request came to, which the identity provider reaches too. */
export function serializeSamlSettings(
  settings: SamlSettings,
  origin: string,
): SamlSettingsResponse {
  const base = `${origin}/saml/${settings.token}`;
  return {
    ...serializeSamlSettingsUpdate(settings),
    token: settings.token,
    acs_url: `${base}/acs`,
    login_url: `${base}/login`,
    logout_url: `${base}/logout`,
    metadata_xml_url: `${base}/metadata`,
    nameid_format: NAMEID_FORMAT,
  };
}
