import { incomeSupportDeadlines, LocalDate, parseLocalDate, WorkingDayCalendar } from '@asw/calendar';
import { badInput } from '@asw/platform';
import { assertCents, Cents, ExpenseType, IncomeSupportKind, MAX_DECISION_LINES } from '../domain';

/** A claimed expense line as it arrives (haettu meno). */
export interface ClaimedExpenseInput {
  expenseType: ExpenseType;
  claimedCents: Cents;
  description?: string | null;
}

export interface ApplicationIntakeInput {
  kind: IncomeSupportKind;
  receivedOn: string;
  urgent: boolean;
  student: boolean;
  expenses: readonly ClaimedExpenseInput[];
}

export interface ValidApplicationIntake {
  kind: IncomeSupportKind;
  receivedOn: LocalDate;
  urgent: boolean;
  student: boolean;
  expenses: Array<{ expenseType: ExpenseType; claimedCents: Cents; description: string | null }>;
}

export const MAX_DESCRIPTION_LENGTH = 500;

/** A day that has already come (today at the latest); left out, it is today. Refuses a future day as BAD_USER_INPUT. */
export function pastDay(value: string | null | undefined, field: string, today: LocalDate): LocalDate {
  if (value === null || value === undefined) return today;
  const day = parseLocalDate(value, field);
  if (day > today) throw badInput(`${field} must not be in the future`, { field });
  return day;
}

/** Checks an arriving application: a kind the county decides, a real arrival day not in the future, 1–50 claimed lines in cents. */
export function validateApplicationIntake(input: ApplicationIntakeInput, today: LocalDate): ValidApplicationIntake {
  if (!Object.values(IncomeSupportKind).includes(input.kind)) throw badInput('kind must be SUPPLEMENTARY or PREVENTIVE', { field: 'kind' });
  const receivedOn = pastDay(parseLocalDate(input.receivedOn, 'receivedOn'), 'receivedOn', today);
  if (input.expenses.length === 0) throw badInput('an application claims at least one expense', { field: 'expenses' });
  if (input.expenses.length > MAX_DECISION_LINES) throw badInput(`an application claims at most ${MAX_DECISION_LINES} expenses`, { field: 'expenses' });
  const expenses = input.expenses.map((line, index) => {
    if (!Object.values(ExpenseType).includes(line.expenseType)) throw badInput('unknown expense type', { field: 'expenseType', index });
    let claimedCents: Cents;
    try {
      claimedCents = assertCents(line.claimedCents, 'claimedCents');
    } catch (error) {
      throw badInput((error as Error).message, { field: 'claimedCents', index });
    }
    if (claimedCents === 0) throw badInput('claimedCents must be more than zero', { field: 'claimedCents', index });
    const description = (line.description ?? '').normalize('NFC').trim() || null;
    if (description !== null && description.length > MAX_DESCRIPTION_LENGTH) {
      throw badInput(`description must be at most ${MAX_DESCRIPTION_LENGTH} characters`, { field: 'description', index });
    }
    return { expenseType: line.expenseType, claimedCents, description };
  });
  return { kind: input.kind, receivedOn, urgent: input.urgent === true, student: input.student === true, expenses };
}

/**
 * §14 a due dates from the day the clock starts (arrival, or after a completion request the day the
 * completion arrived or its deadline passed): the decision by the 7th working day after it (urgent: the
 * next working day), and a completion request by the 7th working day after arrival.
 */
export function applicationDeadlines(
  app: { receivedOn: string; clockStartsOn: string; urgent: boolean },
  calendar: WorkingDayCalendar,
): { decisionDueOn: LocalDate; completionRequestDueOn: LocalDate } {
  return {
    decisionDueOn: incomeSupportDeadlines({ receivedOn: app.clockStartsOn as LocalDate, urgent: app.urgent }, calendar).decisionDueOn,
    completionRequestDueOn: incomeSupportDeadlines({ receivedOn: app.receivedOn as LocalDate, urgent: app.urgent }, calendar).completionRequestDueOn,
  };
}

/** Kela's own reference (its case number): the idempotency key of a resend; printable, short, no spaces. */
export function parseKelaReference(value: unknown): string {
  const reference = typeof value === 'string' ? value.trim() : '';
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/.test(reference)) {
    throw badInput('reference must be 1–64 letters, digits, ".", "_", "/" or "-"', { field: 'reference' });
  }
  return reference;
}

export const MAX_MISSING_LENGTH = 2000;

/** Täydennyspyyntö names specifically what is missing (§14 a). */
export function parseMissing(value: unknown): string {
  const missing = typeof value === 'string' ? value.normalize('NFC').trim() : '';
  if (missing.length === 0) throw badInput('say what is missing from the application', { field: 'missing' });
  if (missing.length > MAX_MISSING_LENGTH) throw badInput(`missing must be at most ${MAX_MISSING_LENGTH} characters`, { field: 'missing' });
  return missing;
}
