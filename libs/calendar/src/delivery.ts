import { badInput } from '@asw/platform';
import { addDays, daysBetween, LocalDate, parseLocalDate } from './local-date';
import { appealDeadlineAfterNotification } from './statutory-deadlines';

/** Tiedoksiantotapa: how a decision reached the person it concerns. */
export enum DeliveryMethod {
  /** Tavallinen kirje (Hallintolaki 434/2003 59 §). */
  POST = 'POST',
  /** Sähköinen tiedoksianto (laki sähköisestä asioinnista viranomaistoiminnassa 13/2003 19 §). */
  ELECTRONIC = 'ELECTRONIC',
  /** Luovutettu henkilökohtaisesti: the actual day of handing over. */
  IN_PERSON = 'IN_PERSON',
  /** Todisteellinen tiedoksianto (saantitodistus, HL 60 §): the day on the proof of service. */
  PROOF_OF_SERVICE = 'PROOF_OF_SERVICE',
}

/** HL 59 §: a letter sent by ordinary post is deemed received on the 7th day after sending. */
export const POSTAL_DEEMED_RECEIPT_DAYS = 7;
/** Laki 13/2003 19 §: an electronic notification is deemed received on the 3rd day after sending. */
export const ELECTRONIC_DEEMED_RECEIPT_DAYS = 3;

export interface DeliveryInput {
  method: DeliveryMethod;
  /** Day the decision left the county: posted, sent electronically, handed over or sent for service. */
  sentOn: LocalDate;
  /** Actual day of receipt; required for IN_PERSON and PROOF_OF_SERVICE, refused for the presumptions. */
  receivedOn?: LocalDate | null;
}

export interface DecisionDelivery {
  method: DeliveryMethod;
  sentOn: LocalDate;
  /** Tiedoksisaantipäivä: actual or presumed; a presumption is not a time limit, so it is not moved off weekends. */
  receivedOn: LocalDate;
  /** Oikaisuvaatimuksen viimeinen päivä (HL 49 c §, laki 150/1930 5 §). */
  appealDeadline: LocalDate;
}

/**
 * Päätöksen tiedoksianto: the day of receipt by the delivery method and the appeal deadline from it.
 * Post: the 7th day after sending (HL 59 §); electronic: the 3rd day (laki 13/2003 19 §); in person or
 * with proof of service: the actual day, which cannot be before sending. The deadline is 30 days from
 * receipt, the day of receipt not counted, moved to the next working day (HL 49 c §, 150/1930 5 §).
 */
export function decisionDelivery(input: DeliveryInput): DecisionDelivery {
  const sentOn = parseLocalDate(input.sentOn, 'sentOn');
  let receivedOn: LocalDate;
  switch (input.method) {
    case DeliveryMethod.POST:
    case DeliveryMethod.ELECTRONIC:
      if (input.receivedOn != null) {
        throw badInput('receivedOn is given only for delivery in person or with proof of service; post and electronic delivery have a presumed day', {
          reason: 'RECEIVED_ON_PRESUMED',
          field: 'input.receivedOn',
        });
      }
      receivedOn = addDays(sentOn, input.method === DeliveryMethod.POST ? POSTAL_DEEMED_RECEIPT_DAYS : ELECTRONIC_DEEMED_RECEIPT_DAYS);
      break;
    case DeliveryMethod.IN_PERSON:
    case DeliveryMethod.PROOF_OF_SERVICE:
      if (input.receivedOn == null) {
        throw badInput('receivedOn, the actual day of receipt, is required for delivery in person or with proof of service', {
          reason: 'RECEIVED_ON_REQUIRED',
          field: 'input.receivedOn',
        });
      }
      receivedOn = parseLocalDate(input.receivedOn, 'receivedOn');
      if (receivedOn < sentOn) throw badInput('receivedOn must not be before sentOn', { reason: 'RECEIVED_BEFORE_SENT', field: 'input.receivedOn' });
      break;
    default:
      throw badInput('Unknown delivery method', { reason: 'UNKNOWN_DELIVERY_METHOD', field: 'input.method' });
  }
  return { method: input.method, sentOn, receivedOn, appealDeadline: appealDeadlineAfterNotification(receivedOn) };
}

/** Whether a request for review that arrived on `arrivedOn` is within the deadline (HL 49 c §: the last day counts). */
export function appealInTime(arrivedOn: LocalDate, appealDeadline: LocalDate): boolean {
  return parseLocalDate(arrivedOn, 'arrivedOn') <= parseLocalDate(appealDeadline, 'appealDeadline');
}

/**
 * Back-dated entry: a decision signed on paper earlier may be entered later, but only within the
 * county's window (`windowDays` before today), never in the future. Refusals carry a stable reason.
 */
export function decisionDayWithinWindow(decidedOn: LocalDate, today: LocalDate, windowDays: number, field = 'input.decidedOn'): LocalDate {
  const day = parseLocalDate(decidedOn, 'decidedOn');
  if (day > today) throw badInput('decidedOn must not be in the future', { reason: 'DECIDED_IN_FUTURE', field });
  if (daysBetween(day, today) > windowDays) {
    throw badInput(`decidedOn may be at most ${windowDays} days back`, { reason: 'BACKDATE_WINDOW_EXCEEDED', field });
  }
  return day;
}

/**
 * The delivery of a decision made on `decidedOn`, as recorded on `today` (a separate, later step than the
 * decision): sent on or after the decision day and not in the future; an actual day of receipt not in the
 * future. The receipt day and appeal deadline as `decisionDelivery` computes them.
 */
export function recordedDelivery(decidedOn: LocalDate | string, input: { method: DeliveryMethod; sentOn: string; receivedOn?: string | null }, today: LocalDate): DecisionDelivery {
  const sentOn = parseLocalDate(input.sentOn, 'sentOn');
  if (sentOn < decidedOn) throw badInput('sentOn must not be before the decision was made', { reason: 'SENT_BEFORE_DECIDED', field: 'input.sentOn' });
  if (sentOn > today) throw badInput('sentOn must not be in the future', { reason: 'SENT_IN_FUTURE', field: 'input.sentOn' });
  const delivery = decisionDelivery({ method: input.method, sentOn, receivedOn: input.receivedOn == null ? null : parseLocalDate(input.receivedOn, 'receivedOn') });
  if (delivery.method !== DeliveryMethod.POST && delivery.method !== DeliveryMethod.ELECTRONIC && delivery.receivedOn > today) {
    throw badInput('receivedOn must not be in the future', { reason: 'RECEIVED_IN_FUTURE', field: 'input.receivedOn' });
  }
  return delivery;
}
