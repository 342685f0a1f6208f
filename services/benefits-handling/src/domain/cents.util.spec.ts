import { DomainError } from '@asw/platform';
import { assertCents, eurosToCents, formatEuros, MAX_LINE_CENTS, NBSP, parseCents, sumCents } from './cents.util';

const fi = (euros: string) => euros.replace(/ /g, NBSP);

describe('cents', () => {
  it.each([
    [0, 0],
    [1, 1],
    ['12345', 12345],
    [' 42 ', 42],
    [MAX_LINE_CENTS, MAX_LINE_CENTS],
  ])('parseCents(%p) → %i', (input, expected) => {
    expect(parseCents(input, 'amount')).toBe(expected);
  });

  it.each([[1.5], [-1], [MAX_LINE_CENTS + 1], [Number.NaN], [Infinity], ['12.5'], ['-3'], ['1e3'], [''], ['12 €']])('parseCents(%p) refused', (input) => {
    expect(() => parseCents(input, 'amount')).toThrow(DomainError);
  });

  it('assertCents names the field and honours a custom cap', () => {
    expect(() => assertCents(101, 'grantedCents', 100)).toThrow(/grantedCents must be at most 100/);
    expect(() => assertCents('100' as unknown as number, 'x')).toThrow(DomainError);
  });

  it.each([
    ['1 234,56', 123456],
    ['1234.5', 123450],
    ['12', 1200],
    ['0,07', 7],
    [`1${NBSP}234,56${NBSP}€`, 123456],
    ['100000', 10_000_000],
  ])('eurosToCents(%s) → %i', (input, expected) => {
    expect(eurosToCents(input, 'amount')).toBe(expected);
  });

  it.each([['1,234'], ['-5'], ['abc'], [''], ['1.2.3'], ['100000,01']])('eurosToCents(%s) refused', (input) => {
    expect(() => eurosToCents(input, 'amount')).toThrow(DomainError);
  });

  it.each([
    [[], 0],
    [[10, 20], 30],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 55],
  ])('sumCents(%j) → %i', (values, expected) => {
    expect(sumCents(values)).toBe(expected);
  });

  it('sumCents refuses floats', () => {
    expect(() => sumCents([10, 0.1])).toThrow(DomainError);
  });

  it.each([
    [0, '0,00 €'],
    [7, '0,07 €'],
    [123456, '1 234,56 €'],
    [59632, '596,32 €'],
    [100000000, '1 000 000,00 €'],
    [-123456, '\u22121 234,56 €'],
  ])('formatEuros(%i) → %s (no-break spaces)', (cents, expected) => {
    expect(formatEuros(cents)).toBe(fi(expected));
  });

  it.each([[0], [5], [99999], [123456], [-50], [987654321]])('formatEuros(%i) matches Intl fi-FI', (cents) => {
    expect(formatEuros(cents)).toBe(new Intl.NumberFormat('fi-FI', { style: 'currency', currency: 'EUR' }).format(cents / 100));
  });
});
