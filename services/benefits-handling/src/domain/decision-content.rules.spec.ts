import { DomainError } from '@asw/platform';
import { IncomeSupportKind } from './application.rules';
import { ClaimedExpense, decisionContentProblems, validateDecisionContent } from './decision-content.rules';
import { DecisionLine, ExpenseType, LegalBasis, Payee } from './decision.rules';

const { SUPPLEMENTARY, PREVENTIVE } = IncomeSupportKind;
const { SUPPLEMENTARY_7C, PREVENTIVE_13 } = LegalBasis;
const { MEDICINE, HEALTHCARE, RENT_ARREARS, HOUSEHOLD_GOODS } = ExpenseType;

const claim = (expenseType: ExpenseType, claimedCents: number): ClaimedExpense => ({ expenseType, claimedCents });
const line = (expenseType: ExpenseType, claimedCents: number, grantedCents: number, legalBasis: LegalBasis, reason: string | null = null): DecisionLine => ({
  expenseType,
  claimedCents,
  grantedCents,
  legalBasis,
  reason,
  payee: Payee.CLIENT,
});
const found = (kind: IncomeSupportKind, claimed: ClaimedExpense[], lines: DecisionLine[]) =>
  decisionContentProblems(kind, claimed, lines).map((p) => `${p.field} ${p.reason}`);

// Laki toimeentulotuesta 1412/1997: täydentävä tuki 7 a–7 c §, ehkäisevä tuki 13 §; a decision states
// what was decided on each claim and is reasoned (Hallintolaki 434/2003 44–45 §).
describe('decisionContentProblems: the decision against its application', () => {
  it.each([
    {
      name: 'supplementary, every claim decided under 7 c',
      kind: SUPPLEMENTARY,
      claimed: [claim(MEDICINE, 6_480), claim(HEALTHCARE, 3_500)],
      lines: [line(HEALTHCARE, 3_500, 0, SUPPLEMENTARY_7C, 'Kela korvaa'), line(MEDICINE, 6_480, 6_480, SUPPLEMENTARY_7C)],
      problems: [],
    },
    {
      name: 'preventive, arrears under 13',
      kind: PREVENTIVE,
      claimed: [claim(RENT_ARREARS, 120_000)],
      lines: [line(RENT_ARREARS, 120_000, 120_000, PREVENTIVE_13)],
      problems: [],
    },
    {
      name: 'supplementary decided with a 13 § line (the issue #17 case)',
      kind: SUPPLEMENTARY,
      claimed: [claim(MEDICINE, 6_480)],
      lines: [line(MEDICINE, 6_480, 6_480, PREVENTIVE_13)],
      problems: ['input.lines[0].legalBasis LEGAL_BASIS_DOES_NOT_FIT_KIND'],
    },
    {
      name: 'preventive decided under 7 c',
      kind: PREVENTIVE,
      claimed: [claim(RENT_ARREARS, 120_000)],
      lines: [line(RENT_ARREARS, 120_000, 120_000, SUPPLEMENTARY_7C)],
      problems: ['input.lines[0].legalBasis LEGAL_BASIS_DOES_NOT_FIT_KIND'],
    },
    {
      name: 'a claim left undecided while an unclaimed line is granted without a reason (issue #17)',
      kind: SUPPLEMENTARY,
      claimed: [claim(MEDICINE, 6_480), claim(HEALTHCARE, 3_500)],
      lines: [line(MEDICINE, 6_480, 6_480, SUPPLEMENTARY_7C), line(HOUSEHOLD_GOODS, 20_000, 20_000, SUPPLEMENTARY_7C)],
      problems: ['input.lines CLAIMED_EXPENSE_UNDECIDED', 'input.lines[1].reason UNCLAIMED_LINE_NEEDS_REASON'],
    },
    {
      name: 'an unclaimed line with an explicit reason is allowed',
      kind: SUPPLEMENTARY,
      claimed: [claim(MEDICINE, 6_480)],
      lines: [line(MEDICINE, 6_480, 6_480, SUPPLEMENTARY_7C), line(HOUSEHOLD_GOODS, 20_000, 20_000, SUPPLEMENTARY_7C, 'Selvitetty kotikäynnillä')],
      problems: [],
    },
    {
      name: 'a claim decided with another claimed amount is not that claim',
      kind: SUPPLEMENTARY,
      claimed: [claim(MEDICINE, 6_480)],
      lines: [line(MEDICINE, 6_400, 6_400, SUPPLEMENTARY_7C)],
      problems: ['input.lines CLAIMED_EXPENSE_UNDECIDED', 'input.lines[0].reason UNCLAIMED_LINE_NEEDS_REASON'],
    },
    {
      name: 'two claims of one type need two lines',
      kind: SUPPLEMENTARY,
      claimed: [claim(MEDICINE, 1_000), claim(MEDICINE, 1_000)],
      lines: [line(MEDICINE, 1_000, 1_000, SUPPLEMENTARY_7C)],
      problems: ['input.lines CLAIMED_EXPENSE_UNDECIDED'],
    },
    {
      name: 'every problem at once: line checks, basis, undecided claim, unreasoned line',
      kind: SUPPLEMENTARY,
      claimed: [claim(MEDICINE, 6_480), claim(HEALTHCARE, 3_500)],
      lines: [line(MEDICINE, 6_480, 7_000, PREVENTIVE_13), line(ExpenseType.OTHER, 500, 500, SUPPLEMENTARY_7C)],
      problems: [
        'input.lines[0].grantedCents GRANTED_OVER_CLAIMED',
        'input.lines[0].legalBasis LEGAL_BASIS_DOES_NOT_FIT_KIND',
        'input.lines CLAIMED_EXPENSE_UNDECIDED',
        'input.lines[1].reason UNCLAIMED_LINE_NEEDS_REASON',
      ],
    },
  ])('$name', ({ kind, claimed, lines, problems }) => {
    expect(found(kind, claimed, lines)).toEqual(problems);
  });

  it('throws BAD_USER_INPUT carrying every problem; returns normalised lines when valid', () => {
    let error: unknown;
    try {
      validateDecisionContent(SUPPLEMENTARY, [claim(MEDICINE, 6_480)], [line(MEDICINE, 6_480, 6_480, PREVENTIVE_13), line(HEALTHCARE, 100, 100, SUPPLEMENTARY_7C)]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: {
        reason: 'LEGAL_BASIS_DOES_NOT_FIT_KIND',
        field: 'input.lines[0].legalBasis',
        problems: [
          { field: 'input.lines[0].legalBasis', reason: 'LEGAL_BASIS_DOES_NOT_FIT_KIND' },
          { field: 'input.lines[1].reason', reason: 'UNCLAIMED_LINE_NEEDS_REASON' },
        ],
      },
    });
    expect(validateDecisionContent(SUPPLEMENTARY, [claim(MEDICINE, 6_480)], [line(MEDICINE, 6_480, 0, SUPPLEMENTARY_7C, '  Kela korvaa ')])[0].reason).toBe('Kela korvaa');
  });
});
