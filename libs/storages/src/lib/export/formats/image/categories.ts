import type { ParsedLabelConfig } from '@ls/projects';
import { compareCodePoints } from '../python-text';

export interface Category {
  id: number;
  name: string;
  supercategory?: string;
  keypoints?: string[];
  skeleton?: string[];
}

/** Categories in output order, and the id of each label name (new names get the next index). */
export class CategoryTable {
  private readonly idsByName = new Map<string, number>();

  constructor(readonly categories: Category[]) {
    for (const category of categories) this.idsByName.set(category.name, category.id);
  }

  /** The id of a label; a label the config does not list is appended, as the SDK does. */
  idOf(name: string): number {
    const known = this.idsByName.get(name);
    if (known !== undefined) return known;
    const id = this.categories.length;
    this.categories.push({ id, name });
    this.idsByName.set(name, id);
    return id;
  }

  /** The id of a label the table knows, without adding it. */
  knownIdOf(name: string): number | undefined {
    return this.idsByName.get(name);
  }

  /** Makes `name` an alias of an existing category id. */
  alias(name: string, id: number): void {
    this.idsByName.set(name, id);
  }
}

/** Controls whose labels become categories: the region labelling controls (`*Labels`). */
function isRegionLabelControl(type: string): boolean {
  return type.endsWith('Labels');
}

/**
 * Categories from the labels of the config's region controls: labels with an integer
 * `category` attribute keep that id (first, in config order); the others, sorted, take the
 * smallest ids not used.
 */
export function configCategories(controls: ParsedLabelConfig): Category[] {
  const categories: Category[] = [];
  const explicit = new Map<string, number>();
  const names = new Set<string>();
  for (const control of Object.values(controls)) {
    if (!isRegionLabelControl(control.type)) continue;
    for (const label of control.labels) {
      names.add(label);
      const id = explicitCategoryId(control.labels_attrs[label]?.category);
      if (id === undefined || explicit.has(label)) continue;
      explicit.set(label, id);
      categories.push({ id, name: label });
    }
  }
  const usedIds = new Set(explicit.values());
  let nextId = 0;
  for (const name of [...names].filter((label) => !explicit.has(label)).sort(compareCodePoints)) {
    while (usedIds.has(nextId)) nextId++;
    categories.push({ id: nextId++, name });
  }
  return categories;
}

/** Python's `int()` of the attribute: an optionally signed integer with optional spaces around. */
function explicitCategoryId(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\s*[-+]?\d+(_\d+)*\s*$/.test(raw)) return undefined;
  return Number(raw.replace(/[\s_]/g, ''));
}

/** Label names of the config's controls of one type, in config order, without repeats. */
export function labelsOfControlType(controls: ParsedLabelConfig, type: string): string[] {
  const labels = new Set<string>();
  for (const control of Object.values(controls)) {
    if (control.type === type) control.labels.forEach((label) => labels.add(label));
  }
  return [...labels];
}

/**
 * COCO categories: the config categories renumbered 0.. in order, keypoint labels left out and
 * merged into one last `default` category that lists them (when the config has keypoints).
 */
export function cocoCategories(controls: ParsedLabelConfig): CategoryTable {
  const keypointLabels = labelsOfControlType(controls, 'KeyPointLabels');
  const categories: Category[] = configCategories(controls)
    .filter((category) => !keypointLabels.includes(category.name))
    .map((category, index) => ({ id: index, name: category.name }));
  if (keypointLabels.length === 0) return new CategoryTable(categories);
  const mergedId = categories.length;
  categories.push({
    id: mergedId,
    name: 'default',
    supercategory: 'default',
    keypoints: keypointLabels,
    skeleton: [],
  });
  const table = new CategoryTable(categories);
  for (const label of keypointLabels) table.alias(label, mergedId);
  return table;
}

/** YOLO pose categories: one per rectangle label, in config order, each listing the keypoints. */
export function yoloKeypointCategories(controls: ParsedLabelConfig): CategoryTable {
  const keypoints = labelsOfControlType(controls, 'KeyPointLabels');
  return new CategoryTable(
    labelsOfControlType(controls, 'RectangleLabels').map((name, id) => ({
      id,
      name,
      keypoints: [...keypoints],
    })),
  );
}

/** Keypoint labels ordered by their `model_index` attribute; labels without one are left out. */
export function keypointOrder(controls: ParsedLabelConfig): string[] {
  const attributesByLabel = new Map<string, Record<string, string>>();
  for (const control of Object.values(controls)) {
    if (control.type !== 'KeyPointLabels') continue;
    for (const label of control.labels) attributesByLabel.set(label, control.labels_attrs[label]);
  }
  const byIndex = new Map<number, string>();
  for (const [label, attributes] of attributesByLabel) {
    const index = explicitCategoryId(attributes?.model_index);
    if (index !== undefined && !byIndex.has(index)) byIndex.set(index, label);
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, label]) => label);
}
