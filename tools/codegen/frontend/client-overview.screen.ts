// What a frontend writes against the generated types (the codegen proof, tools/codegen/codegen.spec.ts):
// outside the project's type check, checked there against a freshly generated ./generated.ts, so a
// schema change that stops fitting this screen fails the test.
import type { ClientOverviewQuery, ClientOverviewQueryVariables } from './generated';
import { ClientOverviewDocument } from './generated';

export const variables: ClientOverviewQueryVariables = { id: 'a-client-id' };
export const document = ClientOverviewDocument;

export function overview(data: ClientOverviewQuery): { name: string; openCases: number; applications: string[]; housing: number; groups: number } {
  const client = data.client;
  return {
    name: [client?.firstName, client?.lastName].filter(Boolean).join(' '),
    openCases: client?.cases?.filter((entry) => entry.status !== 'CLOSED').length ?? 0,
    applications: client?.incomeSupportApplications?.map((application) => `${application.kind}:${application.status}`) ?? [],
    housing: client?.housingSupport?.length ?? 0,
    groups: client?.groupEnrollments?.filter((enrollment) => enrollment.waitlistPosition === null).length ?? 0,
  };
}
