import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** A label config checked against a project: fine for its annotations. */
@ApiSchema({ name: 'ProjectLabelConfig' })
export class ProjectLabelConfigResponse {
  @ApiProperty({ type: String }) label_config!: string;

  @ApiProperty({
    type: Boolean,
    description: 'Whether the controls or labels differ from the saved config',
  })
  config_essential_data_has_changed!: boolean;
}
