import { uploadOrdering } from './upload-ordering';

describe('uploadOrdering', () => {
  it('keeps known columns in order, with their direction, then id', () => {
    expect(uploadOrdering('-size, file')).toEqual([
      ['size', 'DESC'],
      ['file', 'ASC'],
      ['id', 'ASC'],
    ]);
  });

  it('ignores unknown columns and repeats, and adds no second id', () => {
    expect(uploadOrdering('project_id,-created_at,created_at,-id,user_id')).toEqual([
      ['created_at', 'DESC'],
      ['id', 'DESC'],
    ]);
  });

  it('orders by id alone without an ordering', () => {
    expect(uploadOrdering(undefined)).toEqual([['id', 'ASC']]);
    expect(uploadOrdering('')).toEqual([['id', 'ASC']]);
  });
});
