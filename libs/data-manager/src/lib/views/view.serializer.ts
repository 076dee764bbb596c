import { View } from './view.entity';
import { ViewResponse } from './responses/view.response';

/** The view as Label Studio represents it: filters, ordering and selection folded into `data`. */
export function serializeView(view: View): ViewResponse {
  const data: Record<string, unknown> = { ...(view.data ?? {}) };
  if (view.filter_group) data.filters = view.filter_group;
  if (view.ordering) data.ordering = view.ordering;
  if (view.selected_items) data.selectedItems = view.selected_items;
  return {
    id: view.id,
    project: view.project_id,
    user: view.user_id,
    order: view.order,
    data,
    ordering: view.ordering,
    selected_items: view.selected_items ? { ...view.selected_items } : null,
  };
}
