import { z } from 'zod';
import { WorkingDayCalendar } from '@asw/calendar';
import { loadConfig } from '@asw/platform';

const flag = z.enum(['true', 'false']).default('false').transform((value) => value === 'true');

/** County settings of etuuskäsittely. Read once at startup; a wrong value stops the service, named. */
export const benefitsConfigSchema = z.object({
  /**
   * Count Saturdays as working days in the §14 a deadlines ("arkipäivä" can include Saturdays; practice
   * counts Monday–Friday, the default, DOMAIN.md).
   */
  BENEFITS_COUNT_SATURDAYS: flag,
  /**
   * The county's benefits-handling team (etuuskäsittely): the queue of applications no benefits handler
   * registered (Kela's transfers, drafts from rent arrears, those registered by other workers). Matches
   * the `team` claim of the handlers' tokens.
   */
  BENEFITS_HANDLING_TEAM: z.string().trim().min(1).max(200).default('etuuskasittely'),
});

export interface BenefitsSettings {
  /** The working-day calendar the §14 a deadlines are counted on. */
  calendar: WorkingDayCalendar;
  /** The default handling team (queue) of an application, see BENEFITS_HANDLING_TEAM. */
  handlingTeam: string;
}

export function loadBenefitsSettings(env: NodeJS.ProcessEnv = process.env): BenefitsSettings {
  const config = loadConfig(benefitsConfigSchema, env);
  return { calendar: new WorkingDayCalendar({ countSaturdays: config.BENEFITS_COUNT_SATURDAYS }), handlingTeam: config.BENEFITS_HANDLING_TEAM };
}

/** DI token of the BenefitsSettings. */
export const BENEFITS_SETTINGS = Symbol('BENEFITS_SETTINGS');
