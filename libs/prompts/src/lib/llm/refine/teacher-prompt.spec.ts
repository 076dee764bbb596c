import { checkedAnswer, TEACHER_ROLE, teacherMessages } from './teacher-prompt';
import { labelsOf } from './version-mistakes';

describe('checkedAnswer', () => {
  const fields = ['text', 'title'];

  it('takes a template naming only the input fields', () => {
    expect(
      checkedAnswer({ prompt: 'Classify {text} ({title}) {{x}}', reasoning: 'r' }, '', fields),
    ).toEqual({ answer: { prompt: 'Classify {text} ({title}) {{x}}', reasoning: 'r' } });
    expect(checkedAnswer(undefined, '{"prompt": "Use {text}"}', fields)).toEqual({
      answer: { prompt: 'Use {text}', reasoning: '' },
    });
  });

  it('says why an answer is unusable', () => {
    expect(checkedAnswer(undefined, 'not json', fields)).toEqual({
      problem: 'The answer is not JSON.',
    });
    expect(checkedAnswer({ reasoning: 'r' }, '', fields)).toEqual({
      problem: 'The answer has no "prompt" text.',
    });
    expect(checkedAnswer({ prompt: 'Use {body}' }, '', fields)).toEqual({
      problem:
        'The prompt uses the placeholder {body}, which is not among the input fields (text, title).',
    });
    expect('problem' in checkedAnswer({ prompt: 'Use {text' }, '', fields)).toBe(true);
  });
});

describe('teacherMessages', () => {
  it('starts with the teacher role and carries the mistakes as JSON', () => {
    const [system, user] = teacherMessages({
      template: 'T {text}',
      skill: 'TextClassification',
      inputFields: ['text'],
      labels: ['A', 'B'],
      mistakes: [{ task: 1, data: { text: 'x' }, predicted: ['A'], ground_truth: ['B'] }],
      compared: 3,
    });
    expect(system.content.startsWith(TEACHER_ROLE)).toBe(true);
    expect(system.content).toContain('{text}');
    expect(JSON.parse(user.content)).toEqual({
      current_prompt: 'T {text}',
      labels: ['A', 'B'],
      ground_truth_tasks_compared: 3,
      mistakes: [{ task: { text: 'x' }, predicted: ['A'], ground_truth: ['B'] }],
    });
  });
});

describe('labelsOf', () => {
  it('lists choices, and labels with their offsets, sorted', () => {
    expect(
      labelsOf([
        { value: { choices: ['B', 'A'] } },
        { value: { start: 0, end: 3, labels: ['PER'] } },
        null,
        { value: {} },
      ]),
    ).toEqual(['A', 'B', 'PER [0-3]']);
    expect(labelsOf(null)).toEqual([]);
  });
});
