import { DomainError } from '@asw/platform';
import {
  generateSessions,
  GroupKind,
  InPersonWeeklyGroup,
  RehabilitationGroup,
  RemotePeriodGroup,
  SessionTheme,
  validateGroup,
  validateMeetingUrl,
  Weekday,
} from './group.rules';

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const weekly: InPersonWeeklyGroup = {
  kind: GroupKind.IN_PERSON_WEEKLY,
  name: 'Torstairyhmä',
  capacity: 8,
  startsOn: '2026-01-05',
  endsOn: '2026-02-05',
  startTime: '13:00',
  durationMinutes: 90,
  themes: [SessionTheme.SELF_CARE, SessionTheme.GREEN_CARE, SessionTheme.GETTING_TO_KNOW_SERVICES],
  weekday: Weekday.THURSDAY,
};
const remote: RemotePeriodGroup = {
  kind: GroupKind.REMOTE_PERIOD,
  name: 'Etäkuntoutusryhmä kevät',
  capacity: 10,
  startsOn: '2026-02-03',
  endsOn: '2026-04-07',
  startTime: '10:00',
  durationMinutes: 60,
  themes: [SessionTheme.OTHER],
  sessionCount: 10,
  meetingUrl: 'https://meet.example.fi/room/123',
};

describe('generateSessions', () => {
  it('in person weekly: every Thursday in the period, themes rotating', () => {
    expect(generateSessions(weekly).map((s) => [s.sequence, s.date, s.theme])).toEqual([
      [1, '2026-01-08', SessionTheme.SELF_CARE],
      [2, '2026-01-15', SessionTheme.GREEN_CARE],
      [3, '2026-01-22', SessionTheme.GETTING_TO_KNOW_SERVICES],
      [4, '2026-01-29', SessionTheme.SELF_CARE],
      [5, '2026-02-05', SessionTheme.GREEN_CARE],
    ]);
    expect(generateSessions(weekly)[0]).toMatchObject({ startTime: '13:00', durationMinutes: 90 });
  });

  it.each([
    { name: 'exactly fits (10th on the end date)', group: remote, count: 10, last: '2026-04-07' },
    { name: 'fewer sessions in the same period', group: { ...remote, sessionCount: 3 }, count: 3, last: '2026-02-17' },
    { name: 'single session', group: { ...remote, sessionCount: 1, endsOn: '2026-02-03' }, count: 1, last: '2026-02-03' },
  ])('remote period: $name', ({ group, count, last }) => {
    const sessions = generateSessions(group);
    expect(sessions).toHaveLength(count);
    expect(sessions[0].date).toBe('2026-02-03');
    expect(sessions[sessions.length - 1].date).toBe(last);
  });

  it.each<{ name: string; group: RehabilitationGroup; field: string }>([
    { name: 'remote sessions do not fit', group: { ...remote, endsOn: '2026-04-06' }, field: 'sessionCount' },
    { name: 'no Thursday in the period', group: { ...weekly, startsOn: '2026-01-09', endsOn: '2026-01-14' }, field: 'weekday' },
  ])('refuses: $name', ({ group, field }) => {
    expect(caught(() => generateSessions(group))).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
  });
});

describe('validateGroup', () => {
  it('normalises the name and the link', () => {
    expect(validateGroup({ ...remote, name: '  Etä  ryhmä ', meetingUrl: ' https://meet.example.fi/x ' })).toMatchObject({
      name: 'Etä ryhmä',
      meetingUrl: 'https://meet.example.fi/x',
    });
  });

  it.each<{ name: string; group: RehabilitationGroup; field: string }>([
    { name: 'empty name', group: { ...weekly, name: ' ' }, field: 'name' },
    { name: 'capacity 0', group: { ...weekly, capacity: 0 }, field: 'capacity' },
    { name: 'capacity 51', group: { ...weekly, capacity: 51 }, field: 'capacity' },
    { name: 'capacity 2.5', group: { ...weekly, capacity: 2.5 }, field: 'capacity' },
    { name: 'ends before start', group: { ...weekly, endsOn: '2026-01-04' }, field: 'endsOn' },
    { name: 'a year or more', group: { ...weekly, endsOn: '2027-01-05' }, field: 'endsOn' },
    { name: 'bad start date', group: { ...weekly, startsOn: '2026-02-30' }, field: 'startsOn' },
    { name: 'time 24:00', group: { ...weekly, startTime: '24:00' }, field: 'startTime' },
    { name: 'time 9:00', group: { ...weekly, startTime: '9:00' }, field: 'startTime' },
    { name: 'duration 10', group: { ...weekly, durationMinutes: 10 }, field: 'durationMinutes' },
    { name: 'no themes', group: { ...weekly, themes: [] }, field: 'themes' },
    { name: 'unknown theme', group: { ...weekly, themes: ['YOGA' as SessionTheme] }, field: 'themes' },
    { name: 'unknown weekday', group: { ...weekly, weekday: 'FUNDAY' as Weekday }, field: 'weekday' },
    { name: 'zero sessions', group: { ...remote, sessionCount: 0 }, field: 'sessionCount' },
    { name: 'http link', group: { ...remote, meetingUrl: 'http://meet.example.fi/1' }, field: 'meetingUrl' },
    { name: 'not a link', group: { ...remote, meetingUrl: 'meet.example.fi/1' }, field: 'meetingUrl' },
    { name: 'javascript link', group: { ...remote, meetingUrl: 'javascript:alert(1)' }, field: 'meetingUrl' },
    { name: 'link with credentials', group: { ...remote, meetingUrl: 'https://user:pw@meet.example.fi/1' }, field: 'meetingUrl' },
    { name: 'unknown kind', group: { ...weekly, kind: 'HYBRID' } as unknown as RehabilitationGroup, field: 'kind' },
  ])('refuses: $name', ({ group, field }) => {
    expect(caught(() => validateGroup(group))).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
  });

  it('accepts a full year less a day', () => {
    expect(generateSessions({ ...weekly, endsOn: '2027-01-04' })).toHaveLength(52);
  });

  it.each([
    ['https://teams.microsoft.com/l/meetup-join/abc', true],
    ['HTTPS://Meet.Example.fi/a', true],
    ['ftp://meet.example.fi', false],
    ['', false],
  ])('validateMeetingUrl(%s) accepted: %s', (url, ok) => {
    if (ok) expect(() => validateMeetingUrl(url)).not.toThrow();
    else expect(() => validateMeetingUrl(url)).toThrow(DomainError);
  });
});
