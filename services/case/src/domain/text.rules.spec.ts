import { expectRefusal } from './domain-error.testing';
import { assertEnumValue, optionalText, requiredText } from './text.rules';

enum Colour {
  RED = 'RED',
  BLUE = 'BLUE',
}

describe('requiredText and optionalText', () => {
  it.each([
    ['abc', 'abc', 'abc'],
    ['  a b  ', 'a b', 'a b'],
    ['e\u0301', '\u00e9', '\u00e9'], // NFC: decomposed é becomes one character
  ])('%j → %j', (value, required, optional) => {
    expect(requiredText('f', value, 3)).toBe(required);
    expect(optionalText('f', value, 3)).toBe(optional);
  });

  it.each([[''], ['   '], [null], [undefined]])('%j is refused when required, null when optional', (value) => {
    expectRefusal(() => requiredText('note', value, 3), 'BAD_USER_INPUT', 'note is required', { field: 'note' });
    expect(optionalText('note', value, 3)).toBeNull();
  });

  it.each([[requiredText], [optionalText]])('%p refuses text over the limit', (check) => {
    expectRefusal(() => check('note', 'abcd', 3), 'BAD_USER_INPUT', 'note must be at most 3 characters', { field: 'note', max: 3 });
  });
});

describe('assertEnumValue', () => {
  it.each([['RED'], ['BLUE']])('accepts %s', (value) => expect(assertEnumValue('colour', Colour, value)).toBe(value));
  it.each([['GREEN'], ['red'], ['']])('refuses %j', (value) => {
    expectRefusal(() => assertEnumValue('colour', Colour, value), 'BAD_USER_INPUT', 'colour has an unknown value', { field: 'colour' });
  });
});
