import { Injectable } from '@nestjs/common';
import { AnnotationsFromPredictions } from '@ls/annotations';
import { AuthContext } from '@ls/auth';
import { ValidationFailedException } from '@ls/core';
import { ActionRun, DataManagerAction } from '../data-manager-action';

@Injectable()
export class PredictionsToAnnotationsAction implements DataManagerAction {
  readonly id = 'predictions_to_annotations';
  readonly title = 'Create Annotations From Predictions';
  readonly order = 91;
  readonly permission = 'tasks.change';
  readonly requires = 'annotations.bulk' as const;
  readonly runsAsJobWhenLarge = true;
  readonly dialog = {
    title: 'Create Annotations From Predictions',
    text:
      'Create annotations from predictions using selected predictions set for each selected ' +
      'task. Your account will be assigned as an owner to those annotations.',
    type: 'confirm' as const,
  };

  constructor(private readonly fromPredictions: AnnotationsFromPredictions) {}

  async form(auth: AuthContext, projectId: number) {
    const versions = await this.fromPredictions.modelVersions(auth, projectId);
    return [
      {
        columnCount: 1,
        fields: [
          {
            type: 'select',
            name: 'model_version',
            label: 'Choose predictions',
            options: versions,
            value: versions[0] ?? null,
          },
        ],
      },
    ];
  }

  async run({ auth, projectId, taskIds, fields }: ActionRun) {
    const version = fields['model_version'];
    if (version !== undefined && version !== null && typeof version !== 'string') {
      throw new ValidationFailedException({ model_version: ['Not a valid string.'] });
    }
    const created = await this.fromPredictions.create(
      auth,
      projectId,
      await taskIds(),
      version ?? null,
    );
    return { processed_items: created, detail: `Created ${created} annotations` };
  }
}
