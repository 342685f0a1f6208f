import { badInput } from '@asw/platform';

/** Mittauskerta: when a measure is taken, so change can be shown (start, plan reviews, end). */
export enum MeasurementOccasion {
  /** Alkumittaus */
  START = 'START',
  /** Väliarviointi */
  REVIEW = 'REVIEW',
  /** Loppumittaus */
  END = 'END',
}

/** The eight EUROHIS-QOL 8 items in questionnaire order, each answered 1–5 (THL). */
export const EUROHIS_QOL8_ITEMS = [
  'OVERALL_QUALITY_OF_LIFE',
  'SATISFACTION_WITH_HEALTH',
  'ABILITY_TO_PERFORM_DAILY_ACTIVITIES',
  'SATISFACTION_WITH_SELF',
  'SATISFACTION_WITH_PERSONAL_RELATIONSHIPS',
  'SATISFACTION_WITH_LIVING_CONDITIONS',
  'ENOUGH_ENERGY',
  'ENOUGH_MONEY',
] as const;

const ITEM_COUNT = EUROHIS_QOL8_ITEMS.length;
/** THL: a mean of 4 or more counts as good quality of life. */
const GOOD_MEAN = 4;

export interface EurohisScore {
  /** 8–40: some reports use the sum. */
  sum: number;
  /** Mean of the items rounded to 2 decimals; the exact mean is sum / 8. */
  mean: number;
  /** Exact mean as a fraction, for reporting without rounding drift. */
  meanExact: { numerator: number; denominator: number };
  /** Hyvä elämänlaatu: mean ≥ 4, judged on the exact mean. */
  good: boolean;
}

// Half away from zero, so a loss of 1/8 shows as -0.13 just as a gain shows as 0.13.
const round2 = (value: number): number => (Math.sign(value) * Math.round(Math.abs(value) * 100)) / 100 || 0;

/** Scores an EUROHIS-QOL 8 answer set; refuses (BAD_USER_INPUT naming the item) anything but eight whole answers 1–5. */
export function scoreEurohis8(answers: readonly number[]): EurohisScore {
  if (!Array.isArray(answers) || answers.length !== ITEM_COUNT) {
    throw badInput(`EUROHIS-QOL 8 needs exactly ${ITEM_COUNT} answers, got ${Array.isArray(answers) ? answers.length : 0}`, { field: 'answers' });
  }
  answers.forEach((answer, index) => {
    if (!Number.isInteger(answer) || answer < 1 || answer > 5) {
      throw badInput(`Answer ${index + 1} (${EUROHIS_QOL8_ITEMS[index]}) must be a whole number from 1 to 5`, { field: 'answers', index, item: EUROHIS_QOL8_ITEMS[index] });
    }
  });
  const sum = answers.reduce((total, answer) => total + answer, 0);
  return { sum, mean: round2(sum / ITEM_COUNT), meanExact: { numerator: sum, denominator: ITEM_COUNT }, good: sum >= GOOD_MEAN * ITEM_COUNT };
}

export interface EurohisChange {
  /** Change of the mean, from the exact means, rounded to 2 decimals; positive = better. */
  meanChange: number;
  sumChange: number;
  /** Whether the latest measurement crossed the good-quality-of-life line, either way. */
  goodBefore: boolean;
  goodAfter: boolean;
}

/** Change between two scores (e.g. START and the latest REVIEW or END). */
export function eurohisChange(first: EurohisScore, latest: EurohisScore): EurohisChange {
  const sumChange = latest.sum - first.sum;
  return { meanChange: round2(sumChange / ITEM_COUNT), sumChange, goodBefore: first.good, goodAfter: latest.good };
}
