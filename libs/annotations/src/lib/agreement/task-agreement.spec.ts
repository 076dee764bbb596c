import { taskAgreement } from './task-agreement';

const choice = (value: string, id = 'x') => ({
  id,
  from_name: 'c',
  to_name: 't',
  type: 'choices',
  value: { choices: [value] },
});

describe('taskAgreement', () => {
  it('is null below two annotations', () => {
    expect(taskAgreement([])).toBeNull();
    expect(taskAgreement([[choice('A')]])).toBeNull();
  });

  it('is the share of agreeing pairs, ignoring region ids and item order', () => {
    expect(taskAgreement([[choice('A', 'r1')], [choice('A', 'r2')]])).toBe(100);
    expect(taskAgreement([[choice('A')], [choice('A')], [choice('B')]])).toBeCloseTo(33.33, 1);
    expect(
      taskAgreement([
        [choice('A'), { ...choice('B'), from_name: 'd' }],
        [{ ...choice('B'), from_name: 'd' }, choice('A')],
      ]),
    ).toBe(100);
  });
});
