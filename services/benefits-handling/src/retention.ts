import type { RetentionClass } from '@asw/subgraph';

/** How long each of benefits-handling's tables is kept (libs/subgraph retention classes, DOMAIN.md). */
export const BENEFITS_HANDLING_RETENTION: Record<string, RetentionClass> = {
  income_support_application: 'WORKING_AGE_SERVICE_RECORD',
  kela_notice: 'WORKING_AGE_SERVICE_RECORD',
  completion_request: 'WORKING_AGE_SERVICE_RECORD',
  income_support_decision: 'WORKING_AGE_SERVICE_RECORD',
  income_support_decision_line: 'WORKING_AGE_SERVICE_RECORD',
  income_support_decision_letter: 'WORKING_AGE_SERVICE_RECORD',
  income_support_decision_delivery: 'WORKING_AGE_SERVICE_RECORD',
  income_support_decision_appeal: 'WORKING_AGE_SERVICE_RECORD',
  income_support_payment: 'WORKING_AGE_SERVICE_RECORD',
  income_support_payment_batch: 'WORKING_AGE_SERVICE_RECORD',
  recovery_claim: 'WORKING_AGE_SERVICE_RECORD',
  /** Receipts and bills claimed with an application. */
  claimed_expense: 'VOUCHER',
  income_support_rate: 'ORGANISATION',
  known_client: 'COPY_OF_SOURCE',
};
