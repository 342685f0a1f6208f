import type { RetentionClass } from '@asw/subgraph';

/** How long each of housing-support's tables is kept (libs/subgraph retention classes, DOMAIN.md). */
export const HOUSING_SUPPORT_RETENTION: Record<string, RetentionClass> = {
  housing_support_period: 'WORKING_AGE_SERVICE_RECORD',
  support_visit: 'WORKING_AGE_SERVICE_RECORD',
  payment_intermediary_account: 'WORKING_AGE_SERVICE_RECORD',
  sublease: 'WORKING_AGE_SERVICE_RECORD',
  rent_arrears: 'WORKING_AGE_SERVICE_RECORD',
  repayment_instalment: 'WORKING_AGE_SERVICE_RECORD',
  repayment_payment: 'WORKING_AGE_SERVICE_RECORD',
};
