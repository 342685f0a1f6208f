import { badInput } from '@asw/platform';
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

/** Validates and normalises the lines of a decision (reason trimmed; empty reason → null). */
export function validateDecisionLines(lines: readonly DecisionLine[]): DecisionLine[] {
  if (lines.length === 0) throw badInput('a decision needs at least one line', { field: 'lines' });
  if (lines.length > MAX_DECISION_LINES) throw badInput(`a decision has at most ${MAX_DECISION_LINES} lines`, { field: 'lines' });
  return lines.map((line, index) => {
    const at = (field: string) => ({ field, index });
    if (!enumHas(ExpenseType, line.expenseType)) throw badInput('unknown expense type', at('expenseType'));
    if (!enumHas(LegalBasis, line.legalBasis)) throw badInput('unknown legal basis', at('legalBasis'));
    if (!enumHas(Payee, line.payee)) throw badInput('unknown payee', at('payee'));
    const claimed = assertLineCents(line.claimedCents, 'claimedCents', index);
    const granted = assertLineCents(line.grantedCents, 'grantedCents', index);
    // A line nobody claimed has no outcome to derive: GRANTED and DENIED would both be true.
    if (claimed === 0) throw badInput('claimedCents must be more than zero', at('claimedCents'));
    if (granted > claimed) throw badInput('grantedCents must not exceed claimedCents', at('grantedCents'));
    const reason = (line.reason ?? '').normalize('NFC').trim() || null;
    if (granted < claimed && reason === null) throw badInput('give a reason when less is granted than claimed', at('reason'));
    if (reason !== null && reason.length > MAX_REASON_LENGTH) throw badInput(`reason must be at most ${MAX_REASON_LENGTH} characters`, at('reason'));
    return { expenseType: line.expenseType, claimedCents: claimed, grantedCents: granted, reason, legalBasis: line.legalBasis, payee: line.payee };
  });
}

function assertLineCents(value: number, field: string, index: number): Cents {
  try {
    return assertCents(value, field);
  } catch (e) {
    throw badInput((e as Error).message, { field, index });
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
export function summariseDecision(lines: readonly DecisionLine[]): { lines: DecisionLine[]; outcome: DecisionOutcome; totals: DecisionTotals } {
  const valid = validateDecisionLines(lines);
  return { lines: valid, outcome: decisionOutcome(valid), totals: decisionTotals(valid) };
}
