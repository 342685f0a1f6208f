import { z } from 'zod';
import { loadConfig } from '@asw/platform';

/**
 * County settings for issuing decisions, the same in every service that decides: who the letter is
 * from, and how far back a decision signed earlier (on paper, or during an outage) may be entered.
 */
export const decisionIssuingSchema = z.object({
  /** Päätöksen antaja: the county (and unit) named at the top of every letter. */
  DECISION_LETTER_ISSUER: z.string().trim().min(1).max(200).default('Hyvinvointialue – Välfärdsområde'),
  /** Takautuva kirjaus: at most this many days between the decision day and its entry. */
  DECISION_BACKDATE_MAX_DAYS: z.coerce.number().int().min(0).max(3650).default(730),
});

export interface DecisionIssuingSettings {
  issuer: string;
  backdateMaxDays: number;
}

export function loadDecisionIssuingSettings(env: NodeJS.ProcessEnv = process.env): DecisionIssuingSettings {
  const config = loadConfig(decisionIssuingSchema, env);
  return { issuer: config.DECISION_LETTER_ISSUER, backdateMaxDays: config.DECISION_BACKDATE_MAX_DAYS };
}

/** The letter's language from the client's asiointikieli: Swedish for SV, Finnish otherwise (kielilaki 423/2003 10 §). */
export const letterLanguageOf = (preferredLanguage: string | null | undefined): 'FI' | 'SV' => (preferredLanguage === 'SV' ? 'SV' : 'FI');
