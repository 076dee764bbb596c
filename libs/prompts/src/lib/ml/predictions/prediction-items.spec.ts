import { predictionItemOf, resultsOf } from './prediction-items';

describe('prediction items of a /predict answer', () => {
  it('reads the results list or a bare list, nothing else', () => {
    expect(resultsOf({ results: [1, 2] })).toEqual([1, 2]);
    expect(resultsOf([{ result: [] }])).toEqual([{ result: [] }]);
    expect(resultsOf({ results: 'no' })).toBeNull();
    expect(resultsOf(null)).toBeNull();
  });

  it('keeps items with a result list, their score as a number and their model version', () => {
    expect(predictionItemOf({ result: [{ a: 1 }], score: '0.5', model_version: 'v2' })).toEqual({
      result: [{ a: 1 }],
      score: 0.5,
      model_version: 'v2',
    });
    expect(predictionItemOf({ result: [], score: 'high' })).toEqual({
      result: [],
      score: null,
      model_version: null,
    });
    expect(predictionItemOf({ score: 1 })).toBeNull();
    expect(predictionItemOf([{ result: [] }])).toBeNull();
  });
});
