import { LabelLink } from './label-link.entity';
import { LabelLinkResponse } from './responses/label-link.response';

export function serializeLabelLink(link: LabelLink, annotationsCount: number): LabelLinkResponse {
  return {
    id: link.id,
    from_name: link.from_name,
    label: link.label_id,
    project: link.project_id,
    annotations_count: annotationsCount,
  };
}
