import { SeededRandom } from './random';

const WORDS = ['alpha', 'Beta', 'gamma', 'delta', 'ALPHABET', '', '5', '3.5', 'true', 'x y'];

const DATES = [
  '2024-01-15T10:00:00.000Z',
  '2024-03-01T00:00:00Z',
  '2024-02-10',
  '2024-06-30T23:59:59.500+02:00',
  '2023-12-31T12:30',
  'soon',
];

/** Data of a random task: keys present or not, values of mixed JSON kinds. */
export function randomData(random: SeededRandom): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const maybe = (key: string, value: () => unknown) => {
    if (random.chance(0.85)) data[key] = value();
  };
  maybe('num', () =>
    random.pick([
      () => random.int(-2, 12),
      () => random.int(0, 40) / 4,
      () => String(random.int(0, 10)),
      () => random.pick(WORDS),
      () => random.chance(0.5),
      () => null,
      () => ({ x: random.int(0, 3) }),
    ])(),
  );
  maybe('str', () =>
    random.pick([
      () => random.pick(WORDS),
      () => random.int(0, 9),
      () => null,
      () => random.pick(WORDS),
    ])(),
  );
  maybe('flag', () => random.pick([true, false, null, 'true', 1]));
  maybe('when', () => random.pick(DATES));
  maybe('obj', () => (random.chance(0.8) ? { a: { b: random.pick([...WORDS, 3, 7.5]) } } : 'flat'));
  return data;
}

const TEXT_VALUES = ['alpha', 'al', 'ET', 'a', '5', '3.5', 'true', '', 'x y', 'zz', 'M'];
const REGEXES = ['^a', 'a$', '^[A-Z]', '[0-9]', '^$', 'ph', '(', '^b|^g', 'e.t'];
const NUMBER_VALUES = [-1, 0, 1, 2.25, 3, 5, 7.5, 10, '4'];

function valueOf(random: SeededRandom, type: string, operator: string, users: number[]): unknown {
  if (operator === 'empty') return random.chance(0.5);
  if (type === 'List')
    return random.chance(0.2) ? [random.pick(users), random.pick(users)] : random.pick(users);
  if (type === 'Boolean') return random.chance(0.5);
  if (operator === 'regex') return random.pick(REGEXES);
  const scalar = () =>
    type === 'Number'
      ? random.pick(NUMBER_VALUES)
      : type === 'Datetime'
        ? random.pick(DATES.slice(0, 5))
        : random.pick(TEXT_VALUES);
  if (operator === 'in' || operator === 'not_in') {
    const [a, b] = [scalar(), scalar()];
    return { min: a, max: b };
  }
  if (operator === 'in_list' || operator === 'not_in_list') return [scalar(), scalar(), scalar()];
  return scalar();
}

const OPERATORS: Record<string, string[]> = {
  Number: [
    'equal',
    'not_equal',
    'less',
    'greater',
    'less_or_equal',
    'greater_or_equal',
    'in',
    'not_in',
    'in_list',
    'not_in_list',
    'empty',
  ],
  String: [
    'contains',
    'not_contains',
    'regex',
    'equal',
    'not_equal',
    'less',
    'greater',
    'in_list',
    'not_in_list',
    'empty',
  ],
  Boolean: ['equal', 'not_equal', 'empty'],
  Datetime: [
    'less',
    'greater',
    'less_or_equal',
    'greater_or_equal',
    'in',
    'not_in',
    'equal',
    'empty',
  ],
  List: ['contains', 'not_contains', 'empty'],
};
OPERATORS['Unknown'] = OPERATORS['String'];

const DATA_COLUMNS = [
  'data.num',
  'data.str',
  'data.flag',
  'data.when',
  'data.obj.a.b',
  'data.obj',
  'data.none',
];

export function randomItem(
  random: SeededRandom,
  users: number[],
  versions: string[],
): Record<string, unknown> {
  const column = random.pick([
    ...DATA_COLUMNS,
    ...DATA_COLUMNS,
    'id',
    'inner_id',
    'total_annotations',
    'total_predictions',
    'predictions_score',
    'annotators',
    'predictions_model_versions',
  ]);
  const type = column.startsWith('data.')
    ? random.pick(['Number', 'String', 'Unknown', 'Boolean', 'Datetime'])
    : column === 'annotators' || column === 'predictions_model_versions'
      ? 'List'
      : 'Number';
  const operators = OPERATORS[type].filter(
    (operator) =>
      !operator.includes('in_list') || column.startsWith('data.') || column.endsWith('id'),
  );
  const operator = random.pick(operators);
  const pool = column === 'predictions_model_versions' ? versions : users;
  let value = valueOf(random, type, operator, pool as number[]);
  if (type === 'Number' && column === 'predictions_score' && typeof value === 'number')
    value = value / 8;
  return { filter: `filter:tasks:${column}`, operator, type, value };
}
