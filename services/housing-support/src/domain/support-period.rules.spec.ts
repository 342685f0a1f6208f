import { DomainError } from '@asw/platform';
import {
  activatePeriod,
  assertPeriodTransition,
  endPeriod,
  EndPeriodRequest,
  GuidanceArea,
  isEndedOn,
  recordOutcome,
  SupportPeriod,
  SupportPeriodEndCause,
  SupportPeriodOutcome,
  SupportPeriodStatus,
  termExpired,
  validateFixedTerm,
  validatePersonalGoals,
} from './support-period.rules';
import { VisitFrequency, Weekday } from './visit-schedule.rules';

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const planning: SupportPeriod = {
  status: SupportPeriodStatus.PLANNING,
  startsOn: '2026-02-01',
  endsOn: '2026-07-31',
  goals: [{ area: GuidanceArea.APPLYING_FOR_A_FLAT, text: 'Hakee vuokra-asuntoa kaupungilta' }],
  visitSchedule: { frequency: VisitFrequency.WEEKLY, weekday: Weekday.WEDNESDAY },
  endedOn: null,
  endCause: null,
  outcome: null,
};
const active: SupportPeriod = { ...planning, status: SupportPeriodStatus.ACTIVE };

describe('GuidanceArea', () => {
  it('has the seven seed areas of DOMAIN.md', () => {
    expect(Object.values(GuidanceArea)).toHaveLength(7);
  });
});

describe('validateFixedTerm', () => {
  it.each([
    ['2026-01-01', '2026-01-02'],
    ['2026-01-01', '2029-01-01'],
    ['2024-02-29', '2027-02-28'],
  ])('accepts %s – %s', (startsOn, endsOn) => {
    expect(validateFixedTerm(startsOn, endsOn)).toEqual({ startsOn, endsOn });
  });

  it.each([
    ['2026-01-01', '2026-01-01', 'endsOn', 'after startsOn'],
    ['2026-01-02', '2026-01-01', 'endsOn', 'after startsOn'],
    ['2026-01-01', '2029-01-02', 'endsOn', 'at most 36 months'],
    ['2026-01-01', '2062-01-01', 'endsOn', 'at most 36 months'],
    ['1.1.2026', '2026-02-01', 'startsOn', 'YYYY-MM-DD'],
    ['2026-01-01', '2026-02-30', 'endsOn', 'not a real calendar date'],
  ])('refuses %s – %s (%s)', (startsOn, endsOn, field, message) => {
    const error = caught(() => validateFixedTerm(startsOn, endsOn));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
    expect(error.message).toContain(message);
  });
});

describe('validatePersonalGoals', () => {
  it('normalises whitespace and keeps order', () => {
    expect(
      validatePersonalGoals([
        { area: GuidanceArea.OWN_WELLBEING, text: '  Nukkuu   paremmin ' },
        { area: GuidanceArea.INCOME_AND_MONEY_MANAGEMENT, text: 'Maksaa vuokran ajallaan' },
      ]),
    ).toEqual([
      { area: GuidanceArea.OWN_WELLBEING, text: 'Nukkuu paremmin' },
      { area: GuidanceArea.INCOME_AND_MONEY_MANAGEMENT, text: 'Maksaa vuokran ajallaan' },
    ]);
  });

  it('allows the same text in two areas and an empty list while planning', () => {
    expect(
      validatePersonalGoals([
        { area: GuidanceArea.OWN_WELLBEING, text: 'Arjen rytmi' },
        { area: GuidanceArea.LOOKING_AFTER_THE_HOME, text: 'Arjen rytmi' },
      ]),
    ).toHaveLength(2);
    expect(validatePersonalGoals([])).toEqual([]);
  });

  it.each([
    { goals: [{ area: 'SLEEP' as GuidanceArea, text: 'x' }], field: 'area', message: 'unknown guidance area' },
    { goals: [{ area: GuidanceArea.OWN_WELLBEING, text: '   ' }], field: 'text', message: 'must not be empty' },
    { goals: [{ area: GuidanceArea.OWN_WELLBEING, text: 'a'.repeat(1001) }], field: 'text', message: 'at most 1000' },
    {
      goals: [
        { area: GuidanceArea.OWN_WELLBEING, text: 'Liikkuu päivittäin' },
        { area: GuidanceArea.OWN_WELLBEING, text: 'liikkuu  PÄIVITTÄIN' },
      ],
      field: 'text',
      message: 'listed twice',
    },
  ])('refuses: $message', ({ goals, field, message }) => {
    const error = caught(() => validatePersonalGoals(goals));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
    expect(error.message).toContain(message);
  });
});

describe('assertPeriodTransition', () => {
  const S = SupportPeriodStatus;
  it.each([
    [S.PLANNING, S.ACTIVE, true],
    [S.PLANNING, S.ENDED, true],
    [S.ACTIVE, S.ENDED, true],
    [S.ACTIVE, S.PLANNING, false],
    [S.ACTIVE, S.ACTIVE, false],
    [S.ENDED, S.ACTIVE, false],
    [S.ENDED, S.PLANNING, false],
    [S.ENDED, S.ENDED, false],
    [S.PLANNING, S.PLANNING, false],
  ])('%s → %s allowed: %s', (from, to, allowed) => {
    if (allowed) expect(() => assertPeriodTransition(from, to)).not.toThrow();
    else expect(caught(() => assertPeriodTransition(from, to))).toMatchObject({ code: 'CONFLICT', details: { from, to } });
  });
});

describe('activatePeriod', () => {
  it('activates a complete plan', () => {
    expect(activatePeriod(planning, '2026-01-20').status).toBe(SupportPeriodStatus.ACTIVE);
  });

  it.each([
    { name: 'no dates', period: { ...planning, endsOn: null }, today: '2026-01-20', code: 'BAD_USER_INPUT', message: 'start and end dates' },
    { name: 'no goals', period: { ...planning, goals: [] }, today: '2026-01-20', code: 'BAD_USER_INPUT', message: 'at least one personal goal' },
    { name: 'no schedule', period: { ...planning, visitSchedule: null }, today: '2026-01-20', code: 'BAD_USER_INPUT', message: 'visit schedule' },
    { name: 'term over', period: planning, today: '2026-08-01', code: 'CONFLICT', message: 'already over' },
    { name: 'already active', period: active, today: '2026-01-20', code: 'CONFLICT', message: 'ACTIVE to ACTIVE' },
  ])('refuses: $name', ({ period, today, code, message }) => {
    const error = caught(() => activatePeriod(period, today));
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });
});

describe('endPeriod', () => {
  const C = SupportPeriodEndCause;
  it.each<{ name: string; period: SupportPeriod; request: EndPeriodRequest; endedOn: string; outcome: SupportPeriodOutcome | null }>([
    { name: 'term expired', period: active, request: { cause: C.TERM_EXPIRED, today: '2026-08-01' }, endedOn: '2026-07-31', outcome: null },
    {
      name: 'worker ends early',
      period: active,
      request: { cause: C.ENDED_BY_WORKER, endedOn: '2026-05-15', outcome: SupportPeriodOutcome.GOALS_MET },
      endedOn: '2026-05-15',
      outcome: SupportPeriodOutcome.GOALS_MET,
    },
    {
      name: 'worker ends a period still being planned',
      period: planning,
      request: { cause: C.ENDED_BY_WORKER, endedOn: '2026-01-20', outcome: SupportPeriodOutcome.CLIENT_DECLINED },
      endedOn: '2026-01-20',
      outcome: SupportPeriodOutcome.CLIENT_DECLINED,
    },
    { name: 'case closes', period: active, request: { cause: C.CASE_CLOSED, endedOn: '2026-03-02' }, endedOn: '2026-03-02', outcome: SupportPeriodOutcome.CASE_CLOSED },
    { name: 'case closes after the term → cut to term', period: active, request: { cause: C.CASE_CLOSED, endedOn: '2026-09-01' }, endedOn: '2026-07-31', outcome: SupportPeriodOutcome.CASE_CLOSED },
  ])('$name', ({ period, request, endedOn, outcome }) => {
    expect(endPeriod(period, request)).toMatchObject({ status: SupportPeriodStatus.ENDED, endedOn, outcome, endCause: request.cause });
  });

  it.each<{ name: string; period: SupportPeriod; request: EndPeriodRequest; code: string }>([
    { name: 'term not over yet', period: active, request: { cause: C.TERM_EXPIRED, today: '2026-07-31' }, code: 'CONFLICT' },
    { name: 'term expiry of a planning period', period: planning, request: { cause: C.TERM_EXPIRED, today: '2026-08-01' }, code: 'CONFLICT' },
    {
      name: 'already ended',
      period: { ...active, status: SupportPeriodStatus.ENDED, endedOn: '2026-05-01' },
      request: { cause: C.CASE_CLOSED, endedOn: '2026-06-01' },
      code: 'CONFLICT',
    },
    {
      name: 'unknown outcome',
      period: active,
      request: { cause: C.ENDED_BY_WORKER, endedOn: '2026-05-01', outcome: 'FINE' as SupportPeriodOutcome },
      code: 'BAD_USER_INPUT',
    },
  ])('refuses: $name', ({ period, request, code }) => {
    expect(caught(() => endPeriod(period, request)).code).toBe(code);
  });

  it('records an outcome after the term expired, and only for ended periods', () => {
    const ended = endPeriod(active, { cause: C.TERM_EXPIRED, today: '2026-08-01' });
    expect(recordOutcome(ended, SupportPeriodOutcome.PARTLY_MET).outcome).toBe(SupportPeriodOutcome.PARTLY_MET);
    expect(caught(() => recordOutcome(active, SupportPeriodOutcome.PARTLY_MET)).code).toBe('CONFLICT');
  });
});

describe('isEndedOn / termExpired', () => {
  const ended: SupportPeriod = { ...active, status: SupportPeriodStatus.ENDED, endedOn: '2026-04-30', endCause: SupportPeriodEndCause.ENDED_BY_WORKER };
  it.each([
    { name: 'active, mid-term', period: active, date: '2026-05-01', expected: false },
    { name: 'active, on its end date (last day)', period: active, date: '2026-07-31', expected: false },
    { name: 'active, day after end date', period: active, date: '2026-08-01', expected: true },
    { name: 'ended early, on its last day', period: ended, date: '2026-04-30', expected: false },
    { name: 'ended early, next day', period: ended, date: '2026-05-01', expected: true },
    { name: 'planning without dates', period: { ...planning, startsOn: null, endsOn: null }, date: '2030-01-01', expected: false },
  ])('isEndedOn: $name → $expected', ({ period, date, expected }) => {
    expect(isEndedOn(period, date)).toBe(expected);
  });

  it.each([
    [active, '2026-07-31', false],
    [active, '2026-08-01', true],
    [planning, '2026-08-01', false],
  ])('termExpired(%#) → %s', (period, today, expected) => {
    expect(termExpired(period, today)).toBe(expected);
  });
});
