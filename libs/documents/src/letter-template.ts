/** Languages a decision letter is issued in (asiointikieli; Kielilaki 423/2003 10 §: Finnish or Swedish). */
export type LetterLanguage = 'FI' | 'SV';

/**
 * The wording of a decision letter in one language. Pure data, one file per language under
 * templates/; `{name}` placeholders are filled from the letter. The type makes a missing text a
 * compile error in every language.
 */
export interface LetterTemplate {
  language: LetterLanguage;
  /** Dates as the language writes them. */
  dateFormat: 'D.M.YYYY';
  labels: {
    decision: string;
    decisionId: string;
    decidedOn: string;
    subject: string;
    outcome: string;
    reasoning: string;
    legalBasis: string;
    validity: string;
    validUntilFurtherNotice: string;
    lines: string;
    expense: string;
    claimed: string;
    granted: string;
    lineReason: string;
    payee: string;
    total: string;
    clientGoals: string;
    decidedBy: string;
    delivery: string;
    appealInstructions: string;
  };
  /** Titles by decision kind. */
  titles: Record<string, string>;
  /** Labels for enum values (service types, outcomes, expense types, legal bases, payees, delivery methods). */
  values: Record<string, string>;
  /** Laws cited per legal basis key. */
  legalBasis: Record<string, string>;
  /** Oikaisuvaatimusohje: paragraphs; `{deadline}` only in `deadlineKnown`. */
  appeal: {
    intro: string;
    period: string;
    receipt: string;
    deadlineKnown: string;
    where: string;
    contents: string;
  };
  /** "Sent by {method} on {sentOn}; received {receivedOn}." */
  deliveryLine: string;
  /** The answer to a client's request for their access log (lokitietopyyntö, 703/2023 11 §). */
  accessLog: AccessLogLetterTemplate;
}

/** Wording of the access-log answer letter; `{name}` placeholders as in decision letters. */
export interface AccessLogLetterTemplate {
  heading: string;
  requestId: string;
  answeredOn: string;
  title: string;
  /** "You asked on {receivedOn} who has processed ...; this answer covers {from}–{to}." */
  intro: string;
  /** Why the period starts 2 years back, or that older entries are included on the reason given ({reason}). */
  routinePeriod: string;
  olderPeriod: string;
  people: string;
  /** "{name}, {title}, {organisation}" when a title is known; else without it. */
  entries: string;
  /** One line per entry: "{at} — {who} — {action} ({service}); {basis}". */
  entryLine: string;
  noEntries: string;
  answeredBy: string;
  legalBasis: string;
  /** Labels for the log's values: READ, CHANGE, ACCESS, DISCLOSURE, REFUSED, the services, the bases' kinds, partners. */
  values: Record<string, string>;
  /** "klo" / "kl." between a date and a time. */
  timeWord: string;
}
