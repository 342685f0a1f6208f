import { expectRefusal } from './domain-error.testing';
import { eurohisChange, scoreEurohis8 } from './eurohis-qol8.rules';

describe('scoreEurohis8', () => {
  it.each([
    [[1, 1, 1, 1, 1, 1, 1, 1], 8, 1, false],
    [[5, 5, 5, 5, 5, 5, 5, 5], 40, 5, true],
    [[4, 4, 4, 4, 4, 4, 4, 4], 32, 4, true],
    [[4, 4, 4, 4, 4, 4, 4, 3], 31, 3.88, false], // 3.875: rounds to 3.88 yet is not good
    [[3, 4, 3, 4, 3, 4, 3, 3], 27, 3.38, false], // 3.375
    [[5, 4, 4, 3, 4, 4, 4, 4], 32, 4, true],
    [[2, 3, 2, 3, 2, 1, 2, 1], 16, 2, false],
    [[5, 5, 5, 5, 5, 5, 5, 4], 39, 4.88, true],
    [[1, 2, 1, 1, 1, 1, 1, 1], 9, 1.13, false], // 1.125
  ])('%j → sum %s, mean %s, good %s', (answers, sum, mean, good) => {
    expect(scoreEurohis8(answers)).toEqual({ sum, mean, meanExact: { numerator: sum, denominator: 8 }, good });
  });

  it.each([
    [[], 'exactly 8 answers, got 0', {}],
    [[3, 3, 3, 3, 3, 3, 3], 'exactly 8 answers, got 7', {}],
    [[3, 3, 3, 3, 3, 3, 3, 3, 3], 'exactly 8 answers, got 9', {}],
    [[0, 3, 3, 3, 3, 3, 3, 3], 'Answer 1 (OVERALL_QUALITY_OF_LIFE)', { index: 0, item: 'OVERALL_QUALITY_OF_LIFE' }],
    [[3, 3, 3, 3, 3, 3, 3, 6], 'Answer 8 (ENOUGH_MONEY)', { index: 7, item: 'ENOUGH_MONEY' }],
    [[3, 3, 3.5, 3, 3, 3, 3, 3], 'Answer 3 (ABILITY_TO_PERFORM_DAILY_ACTIVITIES) must be a whole number from 1 to 5', { index: 2 }],
    [[3, 3, 3, 3, NaN, 3, 3, 3], 'Answer 5', { index: 4 }],
    [[3, 3, 3, 3, 3, -2, 3, 3], 'Answer 6', { index: 5 }],
  ])('refuses %j', (answers, message, details) => {
    expectRefusal(() => scoreEurohis8(answers), 'BAD_USER_INPUT', message, { field: 'answers', ...details });
  });
});

describe('eurohisChange', () => {
  it.each([
    [[2, 2, 2, 2, 2, 2, 2, 2], [3, 3, 3, 3, 3, 3, 3, 3], 1, 8, false, false],
    [[3, 3, 3, 3, 3, 3, 3, 3], [4, 4, 4, 4, 4, 4, 4, 4], 1, 8, false, true],
    [[3, 4, 3, 4, 3, 4, 3, 3], [3, 4, 3, 4, 3, 4, 3, 4], 0.13, 1, false, false], // 1/8 = 0.125
    [[4, 4, 4, 4, 4, 4, 4, 4], [4, 3, 4, 3, 4, 3, 4, 3], -0.5, -4, true, false],
    [[4, 4, 4, 4, 4, 4, 4, 4], [4, 4, 4, 4, 4, 4, 4, 3], -0.13, -1, true, false], // -1/8 rounds away from zero
    [[5, 5, 5, 5, 5, 5, 5, 5], [5, 5, 5, 5, 5, 5, 5, 5], 0, 0, true, true],
  ])('%j → %j: mean %s, sum %s', (first, latest, meanChange, sumChange, goodBefore, goodAfter) => {
    expect(eurohisChange(scoreEurohis8(first), scoreEurohis8(latest))).toEqual({ meanChange, sumChange, goodBefore, goodAfter });
  });
});
