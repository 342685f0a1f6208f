import { DomainError } from '@asw/platform';
import {
  findPersonalIdentityCodes, isValidPersonalIdentityCode, maskPersonalIdentityCode, parsePersonalIdentityCode, personalIdentityCodeCheckCharacter,
} from './personal-identity-code';

const refusal = (input: unknown): DomainError => {
  try {
    parsePersonalIdentityCode(input);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
};

describe('parsePersonalIdentityCode', () => {
  // Check characters: (DDMMYYNNN mod 31) indexes 0123456789ABCDEFHJKLMNPRSTUVWXY.
  it.each([
    // code, date of birth, sex, temporary
    ['131052-308T', '1952-10-13', 'FEMALE', false], // DVV example: 131052308 mod 31 = 25 → T
    ['010594Y9021', '1994-05-01', 'FEMALE', true], //  DVV example: 010594902 mod 31 = 1 → 1; 902 is a temporary number
    ['311299+1236', '1899-12-31', 'MALE', false], //   311299123 mod 31 = 6 → 6
    ['170801+123M', '1801-08-17', 'MALE', false], //   170801123 mod 31 = 20 → M
    ['150580-002D', '1980-05-15', 'FEMALE', false], // 150580002 mod 31 = 13 → D; 002 is the lowest number issued
    ['150580U003E', '1980-05-15', 'MALE', false], //   150580003 mod 31 = 14 → E
    ['150580V004F', '1980-05-15', 'FEMALE', false], // 150580004 mod 31 = 15 → F
    ['150580W005H', '1980-05-15', 'MALE', false], //   150580005 mod 31 = 16 → H (G is skipped)
    ['150580X006J', '1980-05-15', 'FEMALE', false], // 150580006 mod 31 = 17 → J (I is skipped)
    ['150580Y007K', '1980-05-15', 'MALE', false], //   150580007 mod 31 = 18 → K
    ['010100A002H', '2000-01-01', 'FEMALE', false], // 010100002 mod 31 = 16 → H
    ['280209B123Y', '2009-02-28', 'MALE', false], //   280209123 mod 31 = 30 → Y
    ['290200C4561', '2000-02-29', 'FEMALE', false], // 290200456 mod 31 = 1 → 1; 2000 is a leap year
    ['310123D899R', '2023-01-31', 'MALE', false], //   310123899 mod 31 = 23 → R; 899 is the highest regular number
    ['311224E246T', '2024-12-31', 'FEMALE', false], // 311224246 mod 31 = 25 → T
    ['010125F1358', '2025-01-01', 'MALE', false], //   010125135 mod 31 = 8 → 8
    ['290296-1243', '1996-02-29', 'FEMALE', false], // 290296124 mod 31 = 3 → 3
    ['290224A135V', '2024-02-29', 'MALE', false], //   290224135 mod 31 = 27 → V
    ['010181+900C', '1881-01-01', 'FEMALE', true], //  010181900 mod 31 = 12 → C
  ])('%s: born %s, %s, temporary %p', (code, dateOfBirth, sex, temporary) => {
    expect(parsePersonalIdentityCode(code)).toEqual({ code, dateOfBirth, sex, temporary });
    expect(isValidPersonalIdentityCode(code)).toBe(true);
  });

  it.each([
    ['131052-308t', '131052-308T'],
    ['  131052a308t ', '131052A308T'],
    ['010594y9021\n', '010594Y9021'],
  ])('normalises %p to %s', (input, code) => {
    expect(parsePersonalIdentityCode(input).code).toBe(code);
  });

  it.each([
    ['131052-308U', 'has an invalid check character'],
    ['131052-309T', 'has an invalid check character'],
    ['131053-308T', 'has an invalid check character'],
    ['131052-308G', 'has an invalid check character'], // G, I, O, Q and Z are never check characters
    ['131052Z308T', 'has an invalid century sign'],
    ['131052G308T', 'has an invalid century sign'],
    ['131052T308T', 'has an invalid century sign'],
    ['131052 308T', 'has an invalid century sign'],
    ['310223A1234', 'has a date of birth that does not exist'], // 31 February
    ['290223A1234', 'has a date of birth that does not exist'], // 2023 is not a leap year
    ['290200-1234', 'has a date of birth that does not exist'], // 1900 was not a leap year (2000 was)
    ['000152-1234', 'has a date of birth that does not exist'],
    ['011352-1234', 'has a date of birth that does not exist'],
    ['310452-1234', 'has a date of birth that does not exist'],
    ['131052-000T', 'has an invalid individual number'],
    ['131052-001T', 'has an invalid individual number'],
    ['131052-308', 'must be 11 characters: date of birth DDMMYY, a century sign, a 3-digit individual number and a check character'],
    ['131052-308TT', 'must be 11 characters: date of birth DDMMYY, a century sign, a 3-digit individual number and a check character'],
    ['13105-2308T', 'must be 11 characters: date of birth DDMMYY, a century sign, a 3-digit individual number and a check character'],
    ['', 'must be 11 characters: date of birth DDMMYY, a century sign, a 3-digit individual number and a check character'],
    [131052308, 'must be a string'],
    [null, 'must be a string'],
  ])('refuses %p: %s, without the code in the message', (input, problem) => {
    const error = refusal(input);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(`personalIdentityCode ${problem}`);
    expect(error.details).toEqual({ field: 'personalIdentityCode' });
    const text = String(input).trim();
    if (text) {
      expect(error.message).not.toContain(text);
      expect(error.message).not.toContain(text.slice(0, 6)); // not even the date part
    }
    expect(isValidPersonalIdentityCode(input)).toBe(false);
  });

  it('uses the published check alphabet', () => {
    expect(Array.from({ length: 31 }, (_, n) => personalIdentityCodeCheckCharacter('000000', String(n).padStart(3, '0'))).join(''))
      .toBe('0123456789ABCDEFHJKLMNPRSTUVWXY');
  });
});

describe('maskPersonalIdentityCode', () => {
  it.each([
    ['131052-308T', '131052-****'],
    [' 131052a308t', '131052A****'],
    ['010594Y9021', '010594Y****'],
    ['not a code', '***********'],
    ['', '***********'],
    ['131052-308T-extra', '***********'],
  ])('%p → %s', (input, masked) => {
    expect(maskPersonalIdentityCode(input)).toBe(masked);
  });
});

describe('findPersonalIdentityCodes', () => {
  it.each([
    ['nothing here', []],
    ['{"msg":"registered","hetu":"131052-308T"}', ['131052-308T']],
    ['a 131052-308T and 010594Y9021 in one line', ['131052-308T', '010594Y9021']],
    ['wrong check character 131052-308U is not a code', []],
    ['inside a longer token x131052-308T is not one', []],
    // Lower case parses as valid (parsePersonalIdentityCode upper-cases), so the sweep finds it too.
    ['lower-case check character: 131052-308t', ['131052-308t']],
    ['lower-case century sign and check character: 010594y9021 and 010501a123j', ['010594y9021']],
    ['lower case with a wrong check character 131052-308u is not a code', []],
    ['a uuid with digits and hex letters 123456a7-89b2-4c3d-8e4f-a6533f9bfbfc is not a code', []],
    ['timestamps 2026-11-25T16:22:16 and uuids 0af4ddda-2711-42d4-ba3c-a6533f9bfbfc are not codes', []],
  ])('%s', (text, expected) => {
    expect(findPersonalIdentityCodes(text)).toEqual(expected);
  });
});
