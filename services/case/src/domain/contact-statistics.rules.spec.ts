import { ContactType, CountedContact, monthlyContactStatistics } from './contact-statistics.rules';
import { expectRefusal } from './domain-error.testing';
import { WorkerRole } from './named-worker.rules';
import { contactsFromFigures, NOSTE_2016_SEED } from './noste-2016.seed';

const { SOCIAL_WORKER, SOCIAL_INSTRUCTOR, PRACTICAL_NURSE } = WorkerRole;
const { OFFICE_VISIT, HOME_VISIT, PHONE, REMOTE, GROUP_SESSION } = ContactType;
const counts = (c: Partial<Record<ContactType, number>>) => ({ OFFICE_VISIT: 0, HOME_VISIT: 0, PHONE: 0, REMOTE: 0, GROUP_SESSION: 0, ...c });
const contact = (occurredOn: string, workerRole: WorkerRole, type: ContactType): CountedContact => ({ occurredOn, workerRole, type });

describe('monthlyContactStatistics', () => {
  const contacts = [
    contact('2025-03-31', SOCIAL_WORKER, PHONE),
    contact('2025-02-28', PRACTICAL_NURSE, HOME_VISIT),
    contact('2025-02-01', SOCIAL_INSTRUCTOR, GROUP_SESSION),
    contact('2025-02-14', SOCIAL_WORKER, REMOTE),
    contact('2025-02-14', SOCIAL_WORKER, REMOTE),
    contact('2025-02-03', SOCIAL_WORKER, OFFICE_VISIT),
    contact('2025-01-31', SOCIAL_WORKER, OFFICE_VISIT),
    contact('2025-04-01', SOCIAL_WORKER, OFFICE_VISIT),
  ];

  it.each([
    [
      'all of Q1, ordered by month then role',
      '2025-01-01',
      '2025-03-31',
      [
        { month: '2025-01', workerRole: SOCIAL_WORKER, counts: counts({ OFFICE_VISIT: 1 }), total: 1 },
        { month: '2025-02', workerRole: SOCIAL_WORKER, counts: counts({ OFFICE_VISIT: 1, REMOTE: 2 }), total: 3 },
        { month: '2025-02', workerRole: SOCIAL_INSTRUCTOR, counts: counts({ GROUP_SESSION: 1 }), total: 1 },
        { month: '2025-02', workerRole: PRACTICAL_NURSE, counts: counts({ HOME_VISIT: 1 }), total: 1 },
        { month: '2025-03', workerRole: SOCIAL_WORKER, counts: counts({ PHONE: 1 }), total: 1 },
      ],
    ],
    [
      'part of February, bounds inclusive',
      '2025-02-03',
      '2025-02-14',
      [{ month: '2025-02', workerRole: SOCIAL_WORKER, counts: counts({ OFFICE_VISIT: 1, REMOTE: 2 }), total: 3 }],
    ],
    ['one day', '2025-04-01', '2025-04-01', [{ month: '2025-04', workerRole: SOCIAL_WORKER, counts: counts({ OFFICE_VISIT: 1 }), total: 1 }]],
    ['a range without contacts', '2024-01-01', '2024-12-31', []],
  ])('%s', (_label, from, to, rows) => {
    expect(monthlyContactStatistics(contacts, from, to)).toEqual(rows);
  });

  it.each([
    ['to before from', '2025-02-01', '2025-01-31', 'to must not be before from', { field: 'to' }],
    ['a malformed from', '2025-02', '2025-03-01', 'from must be a date', { field: 'from' }],
    ['a malformed to', '2025-02-01', '2025-02-29', 'to is not a real calendar date', { field: 'to' }],
  ])('refuses %s', (_label, from, to, message, details) => {
    expectRefusal(() => monthlyContactStatistics(contacts, from, to), 'BAD_USER_INPUT', message, details);
  });
});

describe('Lahti #Noste 2016 seed figures', () => {
  const contacts = contactsFromFigures(NOSTE_2016_SEED.figures);
  const table = monthlyContactStatistics(contacts, NOSTE_2016_SEED.from, NOSTE_2016_SEED.to);
  const row = (workerRole: WorkerRole, month: string) => table.find((r) => r.workerRole === workerRole && r.month === month);

  // The figures exactly as DOMAIN.md reports them.
  it.each([
    [SOCIAL_INSTRUCTOR, '2016-06', 31, 25, 56],
    [SOCIAL_INSTRUCTOR, '2016-07', 56, 36, 92],
    [SOCIAL_INSTRUCTOR, '2016-08', 64, 56, 120],
    [SOCIAL_INSTRUCTOR, '2016-09', 61, 67, 128],
    [SOCIAL_INSTRUCTOR, '2016-10', 49, 53, 102],
    [SOCIAL_INSTRUCTOR, '2016-11', 97, 14, 111],
    [PRACTICAL_NURSE, '2016-07', 15, 23, 38],
    [PRACTICAL_NURSE, '2016-08', 10, 29, 39],
    [PRACTICAL_NURSE, '2016-09', 6, 40, 46],
    [PRACTICAL_NURSE, '2016-10', 13, 39, 52],
    [PRACTICAL_NURSE, '2016-11', 20, 30, 50],
  ])('%s %s: office %s, home %s, total %s', (workerRole, month, office, home, total) => {
    expect(row(workerRole, month)).toEqual({ month, workerRole, counts: counts({ OFFICE_VISIT: office, HOME_VISIT: home }), total });
  });

  it('reproduces the seed table exactly, months in order, nothing else', () => {
    expect(table.map((r) => [r.month, r.workerRole])).toEqual([
      ['2016-06', SOCIAL_INSTRUCTOR],
      ['2016-07', SOCIAL_INSTRUCTOR],
      ['2016-07', PRACTICAL_NURSE],
      ['2016-08', SOCIAL_INSTRUCTOR],
      ['2016-08', PRACTICAL_NURSE],
      ['2016-09', SOCIAL_INSTRUCTOR],
      ['2016-09', PRACTICAL_NURSE],
      ['2016-10', SOCIAL_INSTRUCTOR],
      ['2016-10', PRACTICAL_NURSE],
      ['2016-11', SOCIAL_INSTRUCTOR],
      ['2016-11', PRACTICAL_NURSE],
    ]);
    expect(table.length).toBe(NOSTE_2016_SEED.figures.length);
    for (const figure of NOSTE_2016_SEED.figures) {
      expect(figure.officeVisits + figure.homeVisits).toBe(figure.total);
      expect(row(figure.workerRole, figure.month)).toEqual({
        month: figure.month,
        workerRole: figure.workerRole,
        counts: counts({ OFFICE_VISIT: figure.officeVisits, HOME_VISIT: figure.homeVisits }),
        total: figure.total,
      });
    }
    expect(contacts.length).toBe(834);
  });

  it('keeps only months within the range asked for', () => {
    expect(monthlyContactStatistics(contacts, '2016-08-01', '2016-09-30').map((r) => `${r.month} ${r.workerRole} ${r.total}`)).toEqual([
      '2016-08 SOCIAL_INSTRUCTOR 120',
      '2016-08 PRACTICAL_NURSE 39',
      '2016-09 SOCIAL_INSTRUCTOR 128',
      '2016-09 PRACTICAL_NURSE 46',
    ]);
  });
});
