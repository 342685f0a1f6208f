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
}
