import { InputProblem, invalidInput } from '@asw/platform';
import { IncomeSupportKind } from './application.rules';
import { Cents } from './cents.util';
import { DecisionLine, decisionLineProblems, ExpenseType, LegalBasis, normaliseReason, validateDecisionLines } from './decision.rules';

/** A claimed expense of the application (haettu meno), in the order the applicant gave them. */
export interface ClaimedExpense {
  expenseType: ExpenseType;
  claimedCents: Cents;
}

/**
 * The section a line may be decided under, by the application's kind (Laki toimeentulotuesta
 * 1412/1997): täydentävä toimeentulotuki is granted under 7 a–7 c § (7 c: special needs), ehkäisevä
 * under 13 §. A supplementary application is not decided as preventive support, nor the other way.
 */
export const LEGAL_BASIS_OF_KIND: Record<IncomeSupportKind, LegalBasis> = {
  [IncomeSupportKind.SUPPLEMENTARY]: LegalBasis.SUPPLEMENTARY_7C,
  [IncomeSupportKind.PREVENTIVE]: LegalBasis.PREVENTIVE_13,
};

/**
 * What is wrong with a decision's content against its application, every problem at once:
 * - each line's own checks (amounts, reasons: decisionLineProblems);
 * - the legal basis fits the application's kind (7 c § for SUPPLEMENTARY, 13 § for PREVENTIVE);
 * - every claimed expense gets an outcome: a line of the same expense type and claimed amount
 *   (Hallintolaki 434/2003 44 § 1 mom: the decision states what was decided; a claim left undecided
 *   is a decision not made);
 * - a line for an expense nobody claimed (decided on the county's own initiative, HL 45 §) carries an
 *   explicit reason.
 */
export function decisionContentProblems(kind: IncomeSupportKind, claimed: readonly ClaimedExpense[], lines: readonly DecisionLine[]): InputProblem[] {
  const problems = decisionLineProblems(lines);
  if (!Array.isArray(lines) || lines.length === 0) return problems;
  const basis = LEGAL_BASIS_OF_KIND[kind];
  lines.forEach((line, index) => {
    if (Object.values(LegalBasis).includes(line.legalBasis) && line.legalBasis !== basis) {
      problems.push({
        field: `input.lines[${index}].legalBasis`,
        reason: 'LEGAL_BASIS_DOES_NOT_FIT_KIND',
        message: `a ${kind} application is decided under ${basis}, not ${line.legalBasis}`,
      });
    }
  });
  // Each claimed expense takes the first unused line of the same type and claimed amount.
  const used = new Set<number>();
  claimed.forEach((expense, claimIndex) => {
    const match = lines.findIndex((line, index) => !used.has(index) && line.expenseType === expense.expenseType && line.claimedCents === expense.claimedCents);
    if (match >= 0) used.add(match);
    else
      problems.push({
        field: 'input.lines',
        reason: 'CLAIMED_EXPENSE_UNDECIDED',
        message: `claimed expense ${claimIndex + 1} (${expense.expenseType}, ${expense.claimedCents} cents) has no decision line`,
      });
  });
  lines.forEach((line, index) => {
    if (!used.has(index) && normaliseReason(line.reason) === null) {
      problems.push({ field: `input.lines[${index}].reason`, reason: 'UNCLAIMED_LINE_NEEDS_REASON', message: 'a line for an expense not claimed needs a reason' });
    }
  });
  return problems;
}

/** The validated, normalised lines; BAD_USER_INPUT listing every problem otherwise. */
export function validateDecisionContent(kind: IncomeSupportKind, claimed: readonly ClaimedExpense[], lines: readonly DecisionLine[]): DecisionLine[] {
  const problems = decisionContentProblems(kind, claimed, lines);
  if (problems.length > 0) throw invalidInput(problems);
  return validateDecisionLines(lines);
}
