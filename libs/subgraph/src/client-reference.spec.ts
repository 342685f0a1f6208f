import { groupByKey } from './client-reference';

describe('groupByKey', () => {
  it.each([
    { keys: ['a', 'b'], rows: [{ k: 'b', v: 1 }, { k: 'a', v: 2 }, { k: 'b', v: 3 }], expected: [[2], [1, 3]] },
    { keys: ['a', 'c'], rows: [{ k: 'a', v: 1 }], expected: [[1], []] },
    { keys: [], rows: [{ k: 'a', v: 1 }], expected: [] },
    { keys: ['a'], rows: [{ k: 'z', v: 9 }], expected: [[]] },
  ])('groups rows per key in key order: $keys', ({ keys, rows, expected }) => {
    expect(groupByKey(keys, rows, (row) => row.k).map((group) => group.map((row) => row.v))).toEqual(expected);
  });
});
