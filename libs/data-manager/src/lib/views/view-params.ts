import type { SelectedItems, StoredFilters } from './view-filters';

/** What a view gives the task query (`GET /api/tasks/?view=`): its project and stored params. */
export interface ViewParams {
  projectId: number;
  filters: StoredFilters | null;
  ordering: string[];
  selectedItems: SelectedItems | null;
  /** Column types the UI set (`tasks:data.score` -> `Number`), which decide how to sort. */
  columnsDisplayType: Record<string, string>;
  /** Columns hidden both in the table and beside the labeling editor; null when not set. */
  hiddenColumns: ReadonlySet<string> | null;
}
