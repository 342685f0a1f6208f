import { DomainError } from '@asw/platform';
import { decodeClientCursor, encodeClientCursor, parseClientSearch, PreferredLanguage, validateClientNames, validateClientRegistration } from './client.rules';

describe('validateClientNames', () => {
  it.each([
    [{ firstName: 'Aino', lastName: 'Virtanen' }, { firstName: 'Aino', lastName: 'Virtanen' }],
    [{ firstName: '  Matti  Juhani ', lastName: 'Meikäläinen' }, { firstName: 'Matti Juhani', lastName: 'Meikäläinen' }],
    [{ firstName: 'Anna-Liisa', lastName: "O'Brien" }, { firstName: 'Anna-Liisa', lastName: "O'Brien" }],
    [{ firstName: 'Áile', lastName: 'Ságat' }, { firstName: 'Áile', lastName: 'Ságat' }],
  ])('accepts and normalises %j', (input, expected) => {
    expect(validateClientNames(input)).toEqual(expected);
  });

  it.each([
    [{ firstName: '', lastName: 'Virtanen' }, 'firstName', 'must not be empty'],
    [{ firstName: 'Aino', lastName: '   ' }, 'lastName', 'must not be empty'],
    [{ firstName: 'A'.repeat(101), lastName: 'Virtanen' }, 'firstName', 'at most 100'],
    [{ firstName: 'Aino', lastName: "Robert'); DROP TABLE client;--" }, 'lastName', 'only letters'],
    [{ firstName: '-Aino', lastName: 'Virtanen' }, 'firstName', 'only letters'],
    [{ firstName: 'Aino1', lastName: 'Virtanen' }, 'firstName', 'only letters'],
  ])('refuses %j on %s', (input, field, message) => {
    let error: unknown;
    try {
      validateClientNames(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
    expect((error as Error).message).toContain(message);
  });
});

describe('validateClientRegistration', () => {
  const valid = { personalIdentityCode: ' 131052-308t ', firstName: 'Aino', lastName: 'Virtanen', municipalityCode: '398', preferredLanguage: PreferredLanguage.SV };

  it('normalises the code and derives the date of birth from it', () => {
    const registration = validateClientRegistration(valid);
    expect(registration.personalIdentityCode).toMatchObject({ code: '131052-308T', dateOfBirth: '1952-10-13' });
    expect(registration.details).toEqual({ firstName: 'Aino', lastName: 'Virtanen', municipalityCode: '398', preferredLanguage: 'SV' });
  });

  it.each([
    [{ personalIdentityCode: '131052-308U' }, 'personalIdentityCode'],
    [{ personalIdentityCode: '300252-308T' }, 'personalIdentityCode'],
    [{ municipalityCode: '39' }, 'municipalityCode'],
    [{ municipalityCode: 'Lahti' }, 'municipalityCode'],
    [{ preferredLanguage: 'DE' }, 'preferredLanguage'],
    [{ firstName: '' }, 'firstName'],
  ])('refuses %j on %s, never echoing the code', (override, field) => {
    let error: unknown;
    try {
      validateClientRegistration({ ...valid, ...override } as never);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
    expect((error as Error).message).not.toMatch(/131052|300252/);
  });
});

describe('parseClientSearch', () => {
  it.each([
    ['131052-308T', { kind: 'personalIdentityCode', code: '131052-308T' }],
    [' 131052-308t', { kind: 'personalIdentityCode', code: '131052-308T' }],
    ['Virt', { kind: 'namePrefix', terms: ['virt'] }],
    ['  ÖHMAN   Äi ', { kind: 'namePrefix', terms: ['öhman', 'äi'] }],
  ])('%p → %j', (search, expected) => expect(parseClientSearch(search)).toEqual(expected));

  it.each(['a', '', '131052-308U', '%', 'x'.repeat(201)])('refuses %p', (search) => {
    expect(() => parseClientSearch(search)).toThrow(DomainError);
  });
});

describe('client cursors', () => {
  const position = { lastName: 'öhman', firstName: 'äijä', id: '6f1c1f1e-2b1a-4c1d-9e1f-0a1b2c3d4e5f' };
  it('round-trips', () => expect(decodeClientCursor(encodeClientCursor(position))).toEqual(position));
  it.each(['', 'not base64!', Buffer.from('[1,2,3]').toString('base64url'), Buffer.from('["a","b","1 OR 1=1"]').toString('base64url')])('refuses %p', (cursor) => {
    expect(() => decodeClientCursor(cursor)).toThrow(DomainError);
  });
});
