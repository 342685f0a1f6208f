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
});

export interface BenefitsSettings {
  /** The working-day calendar the §14 a deadlines are counted on. */
  calendar: WorkingDayCalendar;
}

export function loadBenefitsSettings(env: NodeJS.ProcessEnv = process.env): BenefitsSettings {
  const config = loadConfig(benefitsConfigSchema, env);
  return { calendar: new WorkingDayCalendar({ countSaturdays: config.BENEFITS_COUNT_SATURDAYS }) };
}

/** DI token of the BenefitsSettings. */
export const BENEFITS_SETTINGS = Symbol('BENEFITS_SETTINGS');
