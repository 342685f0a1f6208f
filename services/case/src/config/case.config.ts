import { z } from 'zod';
import { WorkingDayCalendar } from '@asw/calendar';
import { loadConfig } from '@asw/platform';

const flag = z.enum(['true', 'false']).default('false').transform((value) => value === 'true');

/**
 * County settings of the client process (DOMAIN.md §36: the law sets working-age adults no day count,
 * so the county sets its targets). Read once at startup; a wrong value stops the service, named.
 */
export const caseConfigSchema = z.object({
  /** Palvelutarpeen arvioinnin aloitus: working days from initiation (default 7). */
  CASE_ASSESSMENT_START_WORKING_DAYS: z.coerce.number().int().min(0).max(60).default(7),
  /** Palvelutarpeen arvioinnin valmistuminen: months from initiation (default 3). */
  CASE_ASSESSMENT_FINISH_MONTHS: z.coerce.number().int().min(1).max(12).default(3),
  /** Count Saturdays as working days ("arkipäivä"); Monday–Friday by default. */
  CASE_COUNT_SATURDAYS: flag,
  /** Vastaanottotiimi: the team whose queue cases opened by Kela notices go to. */
  CASE_INTAKE_TEAM: z.string().trim().min(1).max(200).default('intake'),
});

export interface CaseSettings {
  assessmentStartWorkingDays: number;
  assessmentFinishMonths: number;
  calendar: WorkingDayCalendar;
  intakeTeam: string;
}

export function loadCaseSettings(env: NodeJS.ProcessEnv = process.env): CaseSettings {
  const config = loadConfig(caseConfigSchema, env);
  return {
    assessmentStartWorkingDays: config.CASE_ASSESSMENT_START_WORKING_DAYS,
    assessmentFinishMonths: config.CASE_ASSESSMENT_FINISH_MONTHS,
    calendar: new WorkingDayCalendar({ countSaturdays: config.CASE_COUNT_SATURDAYS }),
    intakeTeam: config.CASE_INTAKE_TEAM,
  };
}

/** DI token of the CaseSettings. */
export const CASE_SETTINGS = Symbol('CASE_SETTINGS');
