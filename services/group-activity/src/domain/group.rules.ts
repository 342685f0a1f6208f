import { badInput } from '@asw/platform';
import { addDays, addMonths, dayOfWeek, parseLocalDate } from '@asw/calendar';

/** Ryhmän muoto (seed: Soite model, DOMAIN.md social rehabilitation). */
export enum GroupKind {
  /** Viikoittainen lähiryhmä: a face-to-face themed group once a week. */
  IN_PERSON_WEEKLY = 'IN_PERSON_WEEKLY',
  /** Etäkuntoutusryhmä: a remote group meeting a fixed number of times (about 10) over a period. */
  REMOTE_PERIOD = 'REMOTE_PERIOD',
}

/** Tapaamiskerran teema. */
export enum SessionTheme {
  /** Itsestä huolehtiminen. */
  SELF_CARE = 'SELF_CARE',
  /** Green Care (luontolähtöinen toiminta). */
  GREEN_CARE = 'GREEN_CARE',
  /** Palveluihin tutustuminen. */
  GETTING_TO_KNOW_SERVICES = 'GETTING_TO_KNOW_SERVICES',
  /** Muu teema. */
  OTHER = 'OTHER',
}

/** Viikonpäivä. */
export enum Weekday {
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
  SUNDAY = 'SUNDAY',
}

/** Weekdays in ISO order (index + 1 = ISO weekday number). */
export const WEEKDAYS: readonly Weekday[] = [
  Weekday.MONDAY,
  Weekday.TUESDAY,
  Weekday.WEDNESDAY,
  Weekday.THURSDAY,
  Weekday.FRIDAY,
  Weekday.SATURDAY,
  Weekday.SUNDAY,
];

// Limits are sanity bounds, not law: they catch typing errors (500 for 50) and keep one group a group.
export const MIN_CAPACITY = 1;
export const MAX_CAPACITY = 50;
export const MIN_DURATION_MINUTES = 15;
export const MAX_DURATION_MINUTES = 480;
export const MAX_SESSION_COUNT = 52;
export const MAX_THEMES = 20;
export const MAX_NAME_LENGTH = 200;
export const MAX_URL_LENGTH = 2000;
/** A group is scheduled at most a year at a time; a continuing group is scheduled again for the next season. */
export const MAX_PERIOD_MONTHS = 12;

interface GroupCommon {
  name: string;
  /** Paikkamäärä. */
  capacity: number;
  startsOn: string;
  /** Last day of the group, inclusive. */
  endsOn: string;
  /** Local (Europe/Helsinki) start time `HH:MM`. */
  startTime: string;
  durationMinutes: number;
  /** Themes in rotation order: session n gets themes[(n − 1) mod length]. */
  themes: SessionTheme[];
}

export interface InPersonWeeklyGroup extends GroupCommon {
  kind: GroupKind.IN_PERSON_WEEKLY;
  weekday: Weekday;
}

export interface RemotePeriodGroup extends GroupCommon {
  kind: GroupKind.REMOTE_PERIOD;
  /** Tapaamiskertojen määrä. */
  sessionCount: number;
  /** Etäyhteyden linkki; https only. */
  meetingUrl: string;
}

/** Kuntouttava ryhmä (sosiaalinen kuntoutus, SHL §17: group activity and support for social relationships). */
export type RehabilitationGroup = InPersonWeeklyGroup | RemotePeriodGroup;

/** Tapaamiskerta as planned from the group's rules. */
export interface PlannedSession {
  /** 1-based order within the group. */
  sequence: number;
  date: string;
  startTime: string;
  durationMinutes: number;
  theme: SessionTheme;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function wholeNumberIn(value: number, min: number, max: number, field: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${field} must be a whole number from ${min} to ${max}`, { field });
  }
  return value;
}

/**
 * A meeting link the system will show to clients: absolute https (clients must not be sent to an
 * unencrypted page), with a host and no embedded credentials.
 */
export function validateMeetingUrl(value: string): string {
  const trimmed = (value ?? '').trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw badInput('meetingUrl must be a full web address starting with https://', { field: 'meetingUrl' });
  }
  if (url.protocol !== 'https:') throw badInput('meetingUrl must use https', { field: 'meetingUrl' });
  if (!url.hostname) throw badInput('meetingUrl must name a host', { field: 'meetingUrl' });
  if (url.username || url.password) throw badInput('meetingUrl must not contain a user name or password', { field: 'meetingUrl' });
  if (trimmed.length > MAX_URL_LENGTH) throw badInput(`meetingUrl must be at most ${MAX_URL_LENGTH} characters`, { field: 'meetingUrl' });
  return trimmed;
}

/** Checks a group definition and returns it normalised (trimmed name and link). */
export function validateGroup(group: RehabilitationGroup): RehabilitationGroup {
  const name = (group.name ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');
  if (name.length === 0) throw badInput('name must not be empty', { field: 'name' });
  if (name.length > MAX_NAME_LENGTH) throw badInput(`name must be at most ${MAX_NAME_LENGTH} characters`, { field: 'name' });
  wholeNumberIn(group.capacity, MIN_CAPACITY, MAX_CAPACITY, 'capacity');
  const startsOn = parseLocalDate(group.startsOn, 'startsOn');
  parseLocalDate(group.endsOn, 'endsOn');
  if (group.endsOn < group.startsOn) throw badInput('endsOn must not be before startsOn', { field: 'endsOn' });
  if (group.endsOn >= addMonths(startsOn, MAX_PERIOD_MONTHS)) {
    throw badInput(`a group is scheduled at most ${MAX_PERIOD_MONTHS} months at a time`, { field: 'endsOn' });
  }
  if (typeof group.startTime !== 'string' || !TIME.test(group.startTime)) {
    throw badInput('startTime must be a time written HH:MM', { field: 'startTime' });
  }
  wholeNumberIn(group.durationMinutes, MIN_DURATION_MINUTES, MAX_DURATION_MINUTES, 'durationMinutes');
  if (!Array.isArray(group.themes) || group.themes.length === 0 || group.themes.length > MAX_THEMES) {
    throw badInput(`themes must list 1 to ${MAX_THEMES} themes`, { field: 'themes' });
  }
  group.themes.forEach((theme, index) => {
    if (!Object.values(SessionTheme).includes(theme)) throw badInput('unknown session theme', { field: 'themes', index });
  });
  const common = { ...group, name, themes: [...group.themes] };
  switch (group.kind) {
    case GroupKind.IN_PERSON_WEEKLY:
      if (!WEEKDAYS.includes(group.weekday)) throw badInput('weekday is not a weekday', { field: 'weekday' });
      return common;
    case GroupKind.REMOTE_PERIOD:
      wholeNumberIn(group.sessionCount, 1, MAX_SESSION_COUNT, 'sessionCount');
      return { ...common, kind: GroupKind.REMOTE_PERIOD, sessionCount: group.sessionCount, meetingUrl: validateMeetingUrl(group.meetingUrl) };
    default:
      throw badInput('unknown group kind', { field: 'kind' });
  }
}

/**
 * The sessions a group's rules produce, themes rotating through `themes`.
 * - IN_PERSON_WEEKLY: every `weekday` from startsOn to endsOn inclusive; refused if there is none.
 * - REMOTE_PERIOD: weekly from startsOn (so on startsOn's weekday), `sessionCount` times; refused when
 *   the last one would fall after endsOn. Weekly is the rhythm the seed model describes ("about 10
 *   times over a fixed period"); an even spread by days would put sessions on shifting weekdays.
 */
export function generateSessions(input: RehabilitationGroup): PlannedSession[] {
  const group = validateGroup(input);
  const startsOn = parseLocalDate(group.startsOn, 'startsOn');
  const dates: string[] = [];
  if (group.kind === GroupKind.IN_PERSON_WEEKLY) {
    const wd = WEEKDAYS.indexOf(group.weekday) + 1;
    for (let date = addDays(startsOn, (wd - dayOfWeek(startsOn) + 7) % 7); date <= group.endsOn; date = addDays(date, 7)) {
      dates.push(date);
    }
    if (dates.length === 0) throw badInput(`there is no ${group.weekday} between startsOn and endsOn`, { field: 'weekday' });
  } else {
    const last = addDays(startsOn, 7 * (group.sessionCount - 1));
    if (last > group.endsOn) {
      throw badInput(`${group.sessionCount} weekly sessions from ${group.startsOn} do not fit before ${group.endsOn} (the last would be ${last})`, {
        field: 'sessionCount',
        lastSessionOn: last,
      });
    }
    for (let i = 0; i < group.sessionCount; i++) dates.push(addDays(startsOn, 7 * i));
  }
  return dates.map((date, i) => ({
    sequence: i + 1,
    date,
    startTime: group.startTime,
    durationMinutes: group.durationMinutes,
    theme: group.themes[i % group.themes.length],
  }));
}
