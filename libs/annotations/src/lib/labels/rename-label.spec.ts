import { renameInResult } from './rename-label';

const item = (fromName: string, type: string, values: unknown[]) => ({
  from_name: fromName,
  to_name: 'text',
  type,
  value: { [type]: values },
});

describe('renameInResult', () => {
  it('renames a label in the items of one control only', () => {
    const result = [
      item('sentiment', 'choices', ['Pos', 'Neg']),
      item('other', 'choices', ['Pos']),
    ];
    expect(renameInResult(result, 'sentiment', ['Pos'], ['Positive'])).toEqual([
      item('sentiment', 'choices', ['Positive', 'Neg']),
      item('other', 'choices', ['Pos']),
    ]);
  });

  it('renames taxonomy paths and returns the same array when nothing matched', () => {
    const result = [
      item('tax', 'taxonomy', [
        ['Animal', 'Cat'],
        ['Animal', 'Dog'],
      ]),
    ];
    expect(renameInResult(result, 'tax', ['Animal', 'Cat'], ['Animal', 'Feline'])).toEqual([
      item('tax', 'taxonomy', [
        ['Animal', 'Feline'],
        ['Animal', 'Dog'],
      ]),
    ]);
    expect(renameInResult(result, 'tax', ['Plant'], ['Tree'])).toBe(result);
    expect(renameInResult(null, 'tax', ['Plant'], ['Tree'])).toBeNull();
  });
});
