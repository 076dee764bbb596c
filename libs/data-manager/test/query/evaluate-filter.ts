import { instantOf, numberOf } from '../../src/lib/query/value-kinds';

/** What the evaluator knows of a task: its row and the rows related to it. */
export interface TaskFacts {
  id: number;
  inner_id: number;
  data: Record<string, unknown>;
  total_annotations: number;
  total_predictions: number;
  annotators: number[];
  model_versions: string[];
  scores: number[];
}

interface Item {
  filter: string;
  operator: string;
  type: string;
  value: unknown;
  child_filter?: Item;
}

type Kind = 'number' | 'text' | 'boolean' | 'datetime';

const KIND_OF_TYPE: Record<string, Kind> = {
  Number: 'number',
  Datetime: 'datetime',
  Boolean: 'boolean',
};

const NEGATED: Record<string, string> = {
  not_equal: 'equal',
  not_in: 'in',
  not_in_list: 'in_list',
  not_contains: 'contains',
};

function dataValue(data: Record<string, unknown>, keys: string[]): unknown {
  let value: unknown = data;
  for (const key of keys) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function asKind(kind: Kind, value: unknown): number | string | boolean | null {
  if (value === undefined || value === null) return null;
  switch (kind) {
    case 'number':
      return numberOf(value);
    case 'datetime':
      return typeof value === 'string' ? instantOf(value) : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'text':
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

function filterValue(kind: Kind, value: unknown): number | string | boolean | null {
  if (kind === 'datetime') return typeof value === 'string' ? instantOf(value) : null;
  if (kind === 'boolean') return value === true || value === 'true';
  if (kind === 'text') return String(value);
  return numberOf(value);
}

function compare(operator: string, actual: unknown, expected: unknown): boolean {
  if (actual === null || expected === null) return false;
  const [a, b] = [actual as number, expected as number];
  switch (operator) {
    case 'equal':
      return a === b;
    case 'less':
      return a < b;
    case 'greater':
      return a > b;
    case 'less_or_equal':
      return a <= b;
    case 'greater_or_equal':
      return a >= b;
  }
  throw new Error(`operator ${operator}`);
}

/** A naive in-memory reading of one scalar filter on a value of `kind`. */
function scalarHolds(operator: string, kind: Kind, raw: unknown, value: unknown): boolean {
  const actual = asKind(kind, raw);
  const text = asKind('text', raw) as string | null;
  switch (operator) {
    case 'in': {
      const range = value as { min: unknown; max: unknown };
      return (
        compare('greater_or_equal', actual, filterValue(kind, range.min)) &&
        compare('less_or_equal', actual, filterValue(kind, range.max))
      );
    }
    case 'in_list':
      return (value as unknown[]).some((entry) =>
        compare('equal', actual, filterValue(kind, entry)),
      );
    case 'contains':
      return text !== null && text.toLowerCase().includes(String(value).toLowerCase());
    case 'regex':
      try {
        return text !== null && new RegExp(String(value), 'u').test(text);
      } catch {
        return false;
      }
    default:
      return compare(operator, actual, filterValue(kind, value));
  }
}

function taskColumn(task: TaskFacts, column: string): unknown {
  if (column === 'predictions_score') {
    return task.scores.length ? task.scores.reduce((a, b) => a + b, 0) / task.scores.length : null;
  }
  return (task as unknown as Record<string, unknown>)[column];
}

function itemHolds(task: TaskFacts, item: Item): boolean {
  const column = item.filter.replace('filter:tasks:', '');
  const holds = (() => {
    const negated = NEGATED[item.operator];
    const operator = negated ?? item.operator;
    const list =
      column === 'annotators'
        ? task.annotators
        : column === 'predictions_model_versions'
          ? task.model_versions
          : null;
    let positive: boolean;
    if (list) {
      const wanted = Array.isArray(item.value) ? item.value : [item.value];
      positive =
        operator === 'empty'
          ? list.length === 0
          : wanted.some((entry) => list.includes(entry as never));
    } else if (column.startsWith('data.')) {
      const raw = dataValue(task.data, column.slice(5).split('.'));
      positive =
        operator === 'empty'
          ? raw === undefined || raw === null || raw === ''
          : scalarHolds(operator, KIND_OF_TYPE[item.type] ?? 'text', raw, item.value);
    } else {
      const raw = taskColumn(task, column);
      const empty = raw === null || (column.startsWith('total_') && raw === 0);
      positive = operator === 'empty' ? empty : scalarHolds(operator, 'number', raw, item.value);
    }
    if (item.operator === 'empty') return item.value === true ? positive : !positive;
    return negated ? !positive : positive;
  })();
  return holds && (!item.child_filter || itemHolds(task, item.child_filter));
}

/** The ids of `tasks` that `filters` select, by a plain reading of the operators' meaning. */
export function evaluateFilters(
  tasks: TaskFacts[],
  filters: { conjunction: 'and' | 'or'; items: Item[] },
): number[] {
  return tasks
    .filter((task) => {
      const results = filters.items.map((item) => itemHolds(task, item));
      if (results.length === 0) return true;
      return filters.conjunction === 'or' ? results.some(Boolean) : results.every(Boolean);
    })
    .map((task) => task.id);
}
