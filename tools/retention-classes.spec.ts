import { RETENTION_CLASSES } from '@asw/subgraph';
import { CASE_RETENTION } from '../services/case/src/retention';
import { BENEFITS_HANDLING_RETENTION } from '../services/benefits-handling/src/retention';
import { HOUSING_SUPPORT_RETENTION } from '../services/housing-support/src/retention';
import { GROUP_ACTIVITY_RETENTION } from '../services/group-activity/src/retention';

// Kansallisarkisto's retention table for social welfare records (laki asiakastietojen käsittelystä
// 703/2023; DOMAIN.md "Records, logs and retention"): basic data and the client-relationship document
// until 2 years after death; working-age service-task records 10 years after the matter closed;
// client-fee decisions and income statements 12 years; vouchers 3 years.
describe('retention classes', () => {
  it.each([
    ['CLIENT_BASIC_DATA', 2, 'CLIENT_DEATH'],
    ['CLIENT_RELATIONSHIP_DOCUMENT', 2, 'CLIENT_DEATH'],
    ['WORKING_AGE_SERVICE_RECORD', 10, 'MATTER_CLOSED'],
    ['CLIENT_FEE_DECISION_OR_INCOME_STATEMENT', 12, 'RECORD_CREATED'],
    ['VOUCHER', 3, 'RECORD_CREATED'],
  ] as const)('%s: %s years after %s', (name, years, after) => {
    expect(RETENTION_CLASSES[name]).toMatchObject({ years, after });
  });
});

describe('tables by class', () => {
  const all: Record<string, string> = {
    ...Object.fromEntries(Object.entries(CASE_RETENTION).map(([t, c]) => [`case.${t}`, c])),
    ...Object.fromEntries(Object.entries(BENEFITS_HANDLING_RETENTION).map(([t, c]) => [`benefits-handling.${t}`, c])),
    ...Object.fromEntries(Object.entries(HOUSING_SUPPORT_RETENTION).map(([t, c]) => [`housing-support.${t}`, c])),
    ...Object.fromEntries(Object.entries(GROUP_ACTIVITY_RETENTION).map(([t, c]) => [`group-activity.${t}`, c])),
  };
  it.each([
    // Only the client relationship itself and basic data are kept until 2 years after death.
    ['case.client', 'CLIENT_BASIC_DATA'],
    ['case.client_case', 'CLIENT_RELATIONSHIP_DOCUMENT'],
    ['case.case_co_worker', 'CLIENT_RELATIONSHIP_DOCUMENT'],
    ['case.case_status_change', 'CLIENT_RELATIONSHIP_DOCUMENT'],
    // Decisions, contacts, plans, reviews, measurements, Kela notices: 10 years after the matter closed.
    ['case.service_decision', 'WORKING_AGE_SERVICE_RECORD'],
    ['case.contact', 'WORKING_AGE_SERVICE_RECORD'],
    ['case.client_plan', 'WORKING_AGE_SERVICE_RECORD'],
    ['case.client_plan_review', 'WORKING_AGE_SERVICE_RECORD'],
    ['case.measurement', 'WORKING_AGE_SERVICE_RECORD'],
    ['case.kela_notice', 'WORKING_AGE_SERVICE_RECORD'],
    ['case.activation_plan', 'WORKING_AGE_SERVICE_RECORD'],
    ['benefits-handling.income_support_decision', 'WORKING_AGE_SERVICE_RECORD'],
    ['benefits-handling.kela_notice', 'WORKING_AGE_SERVICE_RECORD'],
    ['housing-support.housing_support_period', 'WORKING_AGE_SERVICE_RECORD'],
    ['housing-support.support_visit', 'WORKING_AGE_SERVICE_RECORD'],
    ['group-activity.attendance', 'WORKING_AGE_SERVICE_RECORD'],
    ['benefits-handling.claimed_expense', 'VOUCHER'],
  ])('%s → %s', (table, retentionClass) => {
    expect(all[table]).toBe(retentionClass);
  });

  it('keeps nothing but basic data and the relationship document until 2 years after death', () => {
    const untilDeath = Object.entries(all)
      .filter(([, c]) => RETENTION_CLASSES[c as keyof typeof RETENTION_CLASSES].after === 'CLIENT_DEATH')
      .map(([t]) => t)
      .sort();
    expect(untilDeath).toEqual(['case.case_co_worker', 'case.case_status_change', 'case.client', 'case.client_case']);
  });
});
