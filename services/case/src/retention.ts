import type { RetentionClass } from '@asw/subgraph';

/** How long each of case's tables is kept (libs/subgraph retention classes, DOMAIN.md). */
export const CASE_RETENTION: Record<string, RetentionClass> = {
  client: 'CLIENT_BASIC_DATA',
  worker: 'ORGANISATION',
  // The client relationship itself (asiakkuusasiakirja): the case, who works on it, opened and closed.
  client_case: 'CLIENT_RELATIONSHIP_DOCUMENT',
  case_co_worker: 'CLIENT_RELATIONSHIP_DOCUMENT',
  case_status_change: 'CLIENT_RELATIONSHIP_DOCUMENT',
  // What was done in it: service-task records of working-age services.
  service_decision: 'WORKING_AGE_SERVICE_RECORD',
  service_decision_letter: 'WORKING_AGE_SERVICE_RECORD',
  service_decision_delivery: 'WORKING_AGE_SERVICE_RECORD',
  service_decision_appeal: 'WORKING_AGE_SERVICE_RECORD',
  service_decision_draft: 'WORKING_AGE_SERVICE_RECORD',
  contact: 'WORKING_AGE_SERVICE_RECORD',
  kela_notice: 'WORKING_AGE_SERVICE_RECORD',
  client_plan: 'WORKING_AGE_SERVICE_RECORD',
  client_plan_review: 'WORKING_AGE_SERVICE_RECORD',
  measurement: 'WORKING_AGE_SERVICE_RECORD',
  activation_plan: 'WORKING_AGE_SERVICE_RECORD',
  activation_facts: 'COPY_OF_SOURCE',
  income_support_decision: 'COPY_OF_SOURCE',
  client_handling_team: 'COPY_OF_SOURCE',
  intake_reference: 'ACCESS_LOG',
  justified_access_grant: 'ACCESS_LOG',
  // Lokitietopyyntö and its answer (703/2023 11 §): kept with the access log they answer from.
  client_access_log_request: 'ACCESS_LOG',
  client_access_log_letter: 'ACCESS_LOG',
};
