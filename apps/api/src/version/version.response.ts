import { ApiProperty } from '@nestjs/swagger';
import { SERVER_VERSION } from '@ls/core';

const component = (description: string) =>
  ({ description, type: 'object', additionalProperties: true }) as const;

/** Label Studio's version document; the component entries describe this server. */
export class VersionResponse {
  @ApiProperty({ description: 'Current release version of Label Studio' })
  release!: string;

  @ApiProperty({ enum: ['Community', 'Enterprise'] })
  edition!: 'Community' | 'Enterprise';

  @ApiProperty(component('Information about the Label Studio open source package'))
  'label-studio-os-package'!: Record<string, unknown>;

  @ApiProperty(component('Information about the Label Studio backend'))
  'label-studio-os-backend'!: Record<string, unknown>;

  @ApiProperty(component('Information about the Label Studio frontend'))
  'label-studio-frontend'!: Record<string, unknown>;

  @ApiProperty(component('Information about the Data Manager 2.0 component'))
  dm2!: Record<string, unknown>;

  @ApiProperty(component('Information about the Label Studio converter component'))
  'label-studio-converter'!: Record<string, unknown>;

  @ApiProperty(component('Information about the Label Studio Frontend library'))
  lsf!: Record<string, unknown>;

  @ApiProperty(component('Additional backend information'))
  backend!: Record<string, unknown>;

  static current(): VersionResponse {
    const { release, server } = SERVER_VERSION;
    return {
      release,
      edition: 'Community',
      'label-studio-os-package': {
        version: release,
        short_version: release.split('.').slice(0, 2).join('.'),
        latest_version_from_pypi: null,
        latest_version_upload_time: null,
        current_version_is_outdated: false,
      },
      'label-studio-os-backend': {
        message: 'label-studio-server',
        version: server,
        commit: null,
        date: null,
        branch: null,
      },
      'label-studio-frontend': {},
      dm2: {},
      'label-studio-converter': { version: null },
      lsf: {},
      backend: { name: 'label-studio-server', version: server, runtime: `node ${process.version}` },
    };
  }
}
