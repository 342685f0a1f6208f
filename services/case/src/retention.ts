import type { RetentionClass } from '@asw/subgraph';

/** How long each of case's tables is kept (libs/subgraph retention classes, DOMAIN.md). */
export const CASE_RETENTION: Record<string, RetentionClass> = {
  client: 'CLIENT_BASIC_DATA',
  worker: 'ORGANISATION',
  client_case: 'CLIENT_RECORD',
  case_co_worker: 'CLIENT_RECORD',
  case_status_change: 'CLIENT_RECORD',
  service_decision: 'CLIENT_RECORD',
  service_decision_letter: 'CLIENT_RECORD',
  service_decision_delivery: 'CLIENT_RECORD',
  service_decision_appeal: 'CLIENT_RECORD',
  contact: 'CLIENT_RECORD',
  kela_notice: 'CLIENT_RECORD',
  client_plan: 'CLIENT_RECORD',
  client_plan_review: 'CLIENT_RECORD',
  measurement: 'CLIENT_RECORD',
  activation_plan: 'WORKING_AGE_SERVICE_RECORD',
  activation_facts: 'COPY_OF_SOURCE',
  income_support_decision: 'COPY_OF_SOURCE',
};
