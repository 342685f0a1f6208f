import { correlationIdOf, isUuid } from './uuid';

describe('isUuid', () => {
  it.each([
    ['0af4ddda-2711-42d4-ba3c-a6533f9bfbfc', true],
    ['0AF4DDDA-2711-42D4-BA3C-A6533F9BFBFC', true],
    ['0af4ddda27114 2d4ba3ca6533f9bfbfc', false],
    ['0af4ddda-2711-42d4-ba3c-a6533f9bfbf', false],
    ["' OR 1=1 --", false],
    ['', false],
    [42, false],
    [undefined, false],
  ])('%p → %p', (value, expected) => {
    expect(isUuid(value)).toBe(expected);
  });
});

describe('correlationIdOf', () => {
  it('keeps a UUID the caller sent', () => {
    expect(correlationIdOf('0af4ddda-2711-42d4-ba3c-a6533f9bfbfc')).toBe('0af4ddda-2711-42d4-ba3c-a6533f9bfbfc');
  });
  it.each([[undefined], ['not-a-uuid'], [['0af4ddda-2711-42d4-ba3c-a6533f9bfbfc', 'x']]])('replaces %p with a new UUID', (header) => {
    const id = correlationIdOf(header);
    expect(isUuid(id)).toBe(true);
    expect(id).not.toBe(header);
  });
});
