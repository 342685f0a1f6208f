import { DomainError } from '@asw/platform';
import { parseIban, paymentDifferences, planPayments } from './payment.rules';

const refusal = (act: () => unknown): DomainError => {
  try {
    act();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
};

// ISO 13616 mod-97 check; valid examples from the Finnish banks' published IBAN examples.
describe('parseIban (ISO 13616)', () => {
  it.each([
    ['FI21 1234 5600 0007 85', 'FI2112345600000785'],
    ['fi2112345600000785', 'FI2112345600000785'],
    ['FI4950009420028730', 'FI4950009420028730'],
    ['DE89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
  ])('%s → %s', (input, expected) => expect(parseIban(input, 'iban')).toBe(expected));

  it.each([
    ['FI2112345600000786', 'IBAN_CHECKSUM'], // last digit changed
    ['FI21123456000007', 'IBAN_MALFORMED'], // 16 characters: too short for Finland
    ['FI211234560000078512', 'IBAN_MALFORMED'], // 20 characters: too long for Finland
    ['12FI12345600000785', 'IBAN_MALFORMED'],
  ])('%s is refused: %s', (input, reason) => expect(refusal(() => parseIban(input, 'iban')).details).toMatchObject({ reason }));
});

// Toimeentulotukilaki 1412/1997 15 §: paid to the client or, for a cost, to whom it is owed (landlord).
describe('planPayments: one payment per granted line', () => {
  const accounts = [
    { payee: 'CLIENT', iban: 'FI2112345600000785', name: 'Aino Asiakas' },
    { payee: 'LANDLORD', iban: 'FI4950009420028730', name: 'Vuokra Oy' },
  ];

  it.each([
    [
      'two granted lines to two payees; a line granted nothing is not paid',
      [
        { position: 0, grantedCents: 65_000, payee: 'LANDLORD' },
        { position: 1, grantedCents: 0, payee: 'CLIENT' },
        { position: 2, grantedCents: 4_590, payee: 'CLIENT' },
      ],
      [
        { linePosition: 0, payee: 'LANDLORD', amountCents: 65_000, creditorName: 'Vuokra Oy', creditorIban: 'FI4950009420028730' },
        { linePosition: 2, payee: 'CLIENT', amountCents: 4_590, creditorName: 'Aino Asiakas', creditorIban: 'FI2112345600000785' },
      ],
    ],
  ])('%s', (_, lines, expected) => expect(planPayments(lines, accounts)).toEqual(expected));

  it.each([
    ['nothing granted', [{ position: 0, grantedCents: 0, payee: 'CLIENT' }], accounts, 'NOTHING_GRANTED'],
    ['no account for the payee', [{ position: 0, grantedCents: 100, payee: 'PAYMENT_INTERMEDIARY_ACCOUNT' }], accounts, 'ACCOUNT_MISSING'],
    ['two accounts for one payee', [{ position: 0, grantedCents: 100, payee: 'CLIENT' }], [accounts[0], accounts[0]], 'ACCOUNT_DUPLICATE'],
    ['an empty name', [{ position: 0, grantedCents: 100, payee: 'CLIENT' }], [{ ...accounts[0], name: ' ' }], 'PAYEE_NAME_LENGTH'],
    ['a bad IBAN', [{ position: 0, grantedCents: 100, payee: 'CLIENT' }], [{ ...accounts[0], iban: 'FI2112345600000786' }], 'IBAN_CHECKSUM'],
  ])('%s is refused: %s', (_, lines, given, reason) => expect(refusal(() => planPayments(lines, given)).details).toMatchObject({ reason }));
});

describe('paymentDifferences: a repeated request is the same, or names what differs', () => {
  const existing = [
    { linePosition: 0, amountCents: 65_000, creditorName: 'Vuokra Oy', creditorIban: 'FI4950009420028730', dueOn: '2026-12-04' },
    { linePosition: 2, amountCents: 4_590, creditorName: 'Aino Asiakas', creditorIban: 'FI2112345600000785', dueOn: '2026-12-04' },
  ];
  const planned = existing.map(({ dueOn, ...rest }) => ({ ...rest, payee: rest.linePosition === 0 ? 'LANDLORD' : 'CLIENT' }));
  it.each([
    ['the same request', planned, '2026-12-04', []],
    ['another due date', planned, '2026-12-05', ['dueOn']],
    ['another account for line 2', [planned[0], { ...planned[1], creditorIban: 'FI4950009420028730' }], '2026-12-04', ['line 2']],
    ['another name for line 0', [{ ...planned[0], creditorName: 'Vuokra Ab' }, planned[1]], '2026-12-04', ['line 0']],
  ])('%s → %j', (_, plan, dueOn, expected) => expect(paymentDifferences(existing, plan, dueOn)).toEqual(expected));
});
