import { LocalDate } from '@asw/calendar';
import { ContactType } from '../domain';
import { expectRefusal } from '../domain/domain-error.testing';
import { validateContact, validateStatisticsRange } from './contact.rules';

const today = '2026-11-25' as LocalDate;

describe('validateContact', () => {
  it.each([
    [{ type: ContactType.HOME_VISIT, occurredOn: '2026-11-25', durationMinutes: 60 }, { type: 'HOME_VISIT', occurredOn: '2026-11-25', durationMinutes: 60 }],
    [{ type: ContactType.PHONE, occurredOn: '2016-06-01' }, { type: 'PHONE', occurredOn: '2016-06-01', durationMinutes: null }],
  ])('accepts %j', (input, expected) => expect(validateContact(input, today)).toEqual(expected));

  it.each([
    [{ type: 'LETTER', occurredOn: '2026-11-25' }, 'type'],
    [{ type: ContactType.PHONE, occurredOn: '2026-11-26' }, 'occurredOn'],
    [{ type: ContactType.PHONE, occurredOn: '25.11.2026' }, 'occurredOn'],
    [{ type: ContactType.PHONE, occurredOn: '2026-11-25', durationMinutes: 0 }, 'durationMinutes'],
    [{ type: ContactType.PHONE, occurredOn: '2026-11-25', durationMinutes: 1441 }, 'durationMinutes'],
    [{ type: ContactType.PHONE, occurredOn: '2026-11-25', durationMinutes: 1.5 }, 'durationMinutes'],
  ])('refuses %j on %s', (input, field) => {
    expectRefusal(() => validateContact(input as never, today), 'BAD_USER_INPUT', field, { field });
  });
});

describe('validateStatisticsRange', () => {
  it('accepts up to two years', () => {
    expect(validateStatisticsRange('2016-06-01', '2016-11-30')).toEqual({ from: '2016-06-01', to: '2016-11-30' });
    expect(validateStatisticsRange('2024-01-01', '2025-12-31')).toEqual({ from: '2024-01-01', to: '2025-12-31' });
  });
  it.each([
    ['2016-06-01', '2016-05-31', 'to'],
    ['2024-01-01', '2026-01-01', 'to'],
    ['2016-13-01', '2016-12-01', 'from'],
  ])('refuses %s..%s on %s', (from, to, field) => {
    expectRefusal(() => validateStatisticsRange(from, to), 'BAD_USER_INPUT', field, { field });
  });
});
