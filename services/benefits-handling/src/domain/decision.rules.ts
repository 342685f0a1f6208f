import { badInput, InputProblem, invalidInput } from '@asw/platform';
import { assertCents, Cents, sumCents } from './cents.util';

/** Menolaji: the expense a decision line is about. */
export enum ExpenseType {
  /** Vuokra. */
  RENT = 'RENT',
  /** Sähkö. */
  ELECTRICITY = 'ELECTRICITY',
  /** Lääkkeet. */
  MEDICINE = 'MEDICINE',
  /** Terveydenhuoltomenot. */
  HEALTHCARE = 'HEALTHCARE',
  /** Lasten harrastukset (§7 c names children's hobbies). */
  CHILDREN_HOBBIES = 'CHILDREN_HOBBIES',
  /** Kodin tavarat ja kalusteet. */
  HOUSEHOLD_GOODS = 'HOUSEHOLD_GOODS',
  /** Vuokrarästit (typically preventive, §13: securing housing). */
  RENT_ARREARS = 'RENT_ARREARS',
  /** Velkajärjestely (§13: easing over-indebtedness). */
  DEBT_SETTLEMENT = 'DEBT_SETTLEMENT',
  /** Muu meno. */
  OTHER = 'OTHER',
}

/** Oikeusperuste: the section of Laki toimeentulotuesta (1412/1997) a line is granted or denied under. */
export enum LegalBasis {
  /** Täydentävä toimeentulotuki, §7 c: special needs or circumstances. */
  SUPPLEMENTARY_7C = 'SUPPLEMENTARY_7C',
  /** Ehkäisevä toimeentulotuki, §13: activation, securing housing, over-indebtedness, sudden drop in finances. */
  PREVENTIVE_13 = 'PREVENTIVE_13',
}

/** Maksunsaaja. */
export enum Payee {
  /** Asiakas. */
  CLIENT = 'CLIENT',
  /** Vuokranantaja (e.g. arrears paid straight to the landlord). */
  LANDLORD = 'LANDLORD',
  /** Välitystili. */
  PAYMENT_INTERMEDIARY_ACCOUNT = 'PAYMENT_INTERMEDIARY_ACCOUNT',
}

/** Päätöksen lopputulos, derived from the lines, never typed in. */
export enum DecisionOutcome {
  /** Myönteinen: every line granted in full. */
  GRANTED = 'GRANTED',
  /** Osittain myönteinen. */
  PARTIALLY_GRANTED = 'PARTIALLY_GRANTED',
  /** Kielteinen: nothing granted. */
  DENIED = 'DENIED',
}

/** Päätösrivi. */
export interface DecisionLine {
  expenseType: ExpenseType;
  /** Haettu. */
  claimedCents: Cents;
  /** Myönnetty, 0 ≤ granted ≤ claimed. */
  grantedCents: Cents;
  /** Perustelu: required when less is granted than claimed (Hallintolaki 434/2003 §45: decisions are reasoned). */
  reason: string | null;
  legalBasis: LegalBasis;
  payee: Payee;
}

export interface DecisionTotals {
  claimedCents: Cents;
  grantedCents: Cents;
  deniedCents: Cents;
  grantedByPayee: Record<Payee, Cents>;
  grantedByLegalBasis: Record<LegalBasis, Cents>;
}

export const MAX_DECISION_LINES = 50;
export const MAX_REASON_LENGTH = 2000;

const enumHas = <T extends Record<string, string>>(e: T, value: unknown): value is T[keyof T] => Object.values(e).includes(value as string);

/**
 * What is wrong with the lines by themselves, every problem at once with its field path
 * (`input.lines[1].reason`). Hallintolaki 434/2003 45 §: a decision is reasoned, so a line granting
 * less than claimed needs a reason.
 */
export function decisionLineProblems(lines: readonly DecisionLine[]): InputProblem[] {
  if (!Array.isArray(lines) || lines.length === 0) return [{ field: 'input.lines', reason: 'NO_LINES', message: 'a decision needs at least one line' }];
  if (lines.length > MAX_DECISION_LINES) return [{ field: 'input.lines', reason: 'TOO_MANY_LINES', message: `a decision has at most ${MAX_DECISION_LINES} lines` }];
  const problems: InputProblem[] = [];
  lines.forEach((line, index) => {
    const add = (field: string, reason: string, message: string) => problems.push({ field: `input.lines[${index}].${field}`, reason, message });
    if (!enumHas(ExpenseType, line.expenseType)) add('expenseType', 'UNKNOWN_EXPENSE_TYPE', 'unknown expense type');
    if (!enumHas(LegalBasis, line.legalBasis)) add('legalBasis', 'UNKNOWN_LEGAL_BASIS', 'unknown legal basis');
    if (!enumHas(Payee, line.payee)) add('payee', 'UNKNOWN_PAYEE', 'unknown payee');
    const claimed = centsProblem(line.claimedCents);
    const granted = centsProblem(line.grantedCents);
    if (claimed) add('claimedCents', 'INVALID_CENTS', claimed);
    if (granted) add('grantedCents', 'INVALID_CENTS', granted);
    // A line nobody claimed has no outcome to derive: GRANTED and DENIED would both be true.
    if (!claimed && line.claimedCents === 0) add('claimedCents', 'NOTHING_CLAIMED', 'claimedCents must be more than zero');
    if (!claimed && !granted && line.grantedCents > line.claimedCents) add('grantedCents', 'GRANTED_OVER_CLAIMED', 'grantedCents must not exceed claimedCents');
    const reason = normaliseReason(line.reason);
    if (!claimed && !granted && line.grantedCents < line.claimedCents && reason === null) add('reason', 'REASON_REQUIRED', 'give a reason when less is granted than claimed');
    if (reason !== null && reason.length > MAX_REASON_LENGTH) add('reason', 'REASON_TOO_LONG', `reason must be at most ${MAX_REASON_LENGTH} characters`);
  });
  return problems;
}

/** Trimmed, NFC; empty → null. */
export const normaliseReason = (reason: string | null | undefined): string | null => (typeof reason === 'string' ? reason.normalize('NFC').trim() : '') || null;

/** Validates and normalises the lines of a decision (reason trimmed; empty reason → null); every problem at once. */
export function validateDecisionLines(lines: readonly DecisionLine[]): DecisionLine[] {
  const problems = decisionLineProblems(lines);
  if (problems.length > 0) throw invalidInput(problems);
  return lines.map((line) => ({
    expenseType: line.expenseType,
    claimedCents: line.claimedCents,
    grantedCents: line.grantedCents,
    reason: normaliseReason(line.reason),
    legalBasis: line.legalBasis,
    payee: line.payee,
  }));
}

function centsProblem(value: number): string | null {
  try {
    assertCents(value, 'amount');
    return null;
  } catch (e) {
    return (e as Error).message.replace(/^amount /, '');
  }
}

/** GRANTED when every line is granted in full, DENIED when every line is zero, else PARTIALLY_GRANTED. */
export function decisionOutcome(lines: readonly DecisionLine[]): DecisionOutcome {
  if (lines.length === 0) throw badInput('a decision needs at least one line', { field: 'lines' });
  if (lines.every((l) => l.grantedCents === l.claimedCents)) return DecisionOutcome.GRANTED;
  if (lines.every((l) => l.grantedCents === 0)) return DecisionOutcome.DENIED;
  return DecisionOutcome.PARTIALLY_GRANTED;
}

export function decisionTotals(lines: readonly DecisionLine[]): DecisionTotals {
  const grantedWhere = (pick: (l: DecisionLine) => boolean) => sumCents(lines.filter(pick).map((l) => l.grantedCents));
  const claimedCents = sumCents(lines.map((l) => l.claimedCents));
  const grantedCents = sumCents(lines.map((l) => l.grantedCents));
  return {
    claimedCents,
    grantedCents,
    deniedCents: claimedCents - grantedCents,
    grantedByPayee: {
      [Payee.CLIENT]: grantedWhere((l) => l.payee === Payee.CLIENT),
      [Payee.LANDLORD]: grantedWhere((l) => l.payee === Payee.LANDLORD),
      [Payee.PAYMENT_INTERMEDIARY_ACCOUNT]: grantedWhere((l) => l.payee === Payee.PAYMENT_INTERMEDIARY_ACCOUNT),
    },
    grantedByLegalBasis: {
      [LegalBasis.SUPPLEMENTARY_7C]: grantedWhere((l) => l.legalBasis === LegalBasis.SUPPLEMENTARY_7C),
      [LegalBasis.PREVENTIVE_13]: grantedWhere((l) => l.legalBasis === LegalBasis.PREVENTIVE_13),
    },
  };
}

/** Validated lines with their derived outcome and totals: what a decision stores. */
export function summariseDecision(lines: readonly DecisionLine[]): DecisionSummary {
  return summariseValidLines(validateDecisionLines(lines));
}

export interface DecisionSummary {
  lines: DecisionLine[];
  outcome: DecisionOutcome;
  totals: DecisionTotals;
}

/** Outcome and totals of lines already validated (validateDecisionLines or validateDecisionContent). */
export function summariseValidLines(valid: DecisionLine[]): DecisionSummary {
  return { lines: valid, outcome: decisionOutcome(valid), totals: decisionTotals(valid) };
}
