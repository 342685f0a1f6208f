import type { RetentionClass } from '@asw/subgraph';

/** How long each of group-activity's tables is kept (libs/subgraph retention classes, DOMAIN.md). */
export const GROUP_ACTIVITY_RETENTION: Record<string, RetentionClass> = {
  rehabilitation_group: 'ORGANISATION',
  group_session: 'ORGANISATION',
  group_enrollment: 'WORKING_AGE_SERVICE_RECORD',
  attendance: 'WORKING_AGE_SERVICE_RECORD',
  known_client: 'COPY_OF_SOURCE',
  service_decision: 'COPY_OF_SOURCE',
};
