import { LabelLink } from './label-link.entity';
import { Label } from './label.entity';
import { LabelResponse } from './responses/label.response';

/** `links`: the label links of the page, of which the label's own are picked. */
export function serializeLabel(label: Label, links: LabelLink[]): LabelResponse {
  const own = links.filter((link) => link.label_id === label.id);
  return {
    id: label.id,
    created_at: label.created_at.toISOString(),
    updated_at: label.updated_at.toISOString(),
    created_by: label.created_by_id,
    organization: label.organization_id,
    title: label.title,
    description: label.description,
    value: label.value,
    approved: label.approved,
    approved_by: label.approved_by_id,
    links: own.map((link) => link.id),
    projects: [...new Set(own.map((link) => link.project_id))],
  };
}
