import { addDays, LocalDate, todayInFinland } from '@asw/calendar';
import { personalIdentityCodeCheckCharacter } from '@asw/personal-identity-code';
import type { RunningGraph } from './graph.harness';

/** A valid henkilötunnus for tests: use individual numbers 900–999 (never issued to real persons) or unique ones per file. */
export function testIdentityCode(ddmmyy: string, individual: number): string {
  const number = String(individual).padStart(3, '0');
  return `${ddmmyy}-${number}${personalIdentityCodeCheckCharacter(ddmmyy, number)}`;
}

/** The data of a request that must succeed; its errors otherwise, as the failure. */
export async function ok(graph: RunningGraph, query: string, variables: Record<string, unknown>, token: string): Promise<any> {
  const response = await graph.request(query, variables, token);
  if (response.errors) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data;
}

export async function registerClient(graph: RunningGraph, token: string, personalIdentityCode: string, name = { firstName: 'Aino', lastName: 'Virtanen' }): Promise<string> {
  const { registerClient: client } = await ok(
    graph,
    `mutation($input: RegisterClientInput!) { registerClient(input: $input) { id } }`,
    { input: { personalIdentityCode, ...name, municipalityCode: '398', preferredLanguage: 'FI' } },
    token,
  );
  return client.id;
}

const NO_FINDINGS = Object.fromEntries(
  ['hasIncome', 'seriousSubstanceAbuse', 'seriousMentalHealth', 'seriousGambling', 'prisonRelease', 'seriousHousingProblem', 'newClientNeedingGuidance', 'rentArrears', 'hadEarlierSocialWorker', 'student', 'elderlyFirstAssessment'].map((key) => [key, false]),
);

/**
 * The case service's side of a flow: a case opened `daysAgo` days ago, assessed, and a granted
 * service decision in force (by default from yesterday) for half a year. Returns the case id.
 */
export async function caseWithGrantedDecision(
  graph: RunningGraph,
  socialWorker: string,
  clientId: string,
  decision: { serviceType: 'SOCIAL_REHABILITATION' | 'HOUSING_SUPPORT'; summary: string; supportNeeds: string[]; reasoning: string; clientGoals?: string[]; validFrom?: LocalDate },
  daysAgo = 10,
): Promise<string> {
  const today: LocalDate = todayInFinland();
  const { openCase } = await ok(graph, `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { clientId, initiationChannel: 'APPLICATION', initiatedOn: addDays(today, -daysAgo) } }, socialWorker);
  await ok(graph, `mutation($id: ID!, $on: LocalDate) { startAssessment(caseId: $id, startedOn: $on) { id } }`, { id: openCase.id, on: addDays(today, -daysAgo + 1) }, socialWorker);
  await ok(
    graph,
    `mutation($id: ID!, $input: CompleteAssessmentInput!) { completeAssessment(caseId: $id, input: $input) { id } }`,
    { id: openCase.id, input: { summary: decision.summary, supportNeeds: decision.supportNeeds, specialSupportNeeded: false, findings: NO_FINDINGS, completedOn: addDays(today, -daysAgo + 5) } },
    socialWorker,
  );
  await ok(
    graph,
    `mutation($id: ID!, $input: MakeServiceDecisionInput!) { makeServiceDecision(caseId: $id, input: $input) { id } }`,
    {
      id: openCase.id,
      input: {
        serviceType: decision.serviceType,
        outcome: 'GRANTED',
        reasoning: decision.reasoning,
        validFrom: decision.validFrom ?? addDays(today, -1),
        validUntil: addDays(today, 180),
        ...(decision.clientGoals ? { clientGoals: decision.clientGoals } : {}),
      },
    },
    socialWorker,
  );
  return openCase.id;
}

export interface TestWorker {
  userId: string;
  name: string;
  role: 'SOCIAL_WORKER' | 'SOCIAL_INSTRUCTOR' | 'PRACTICAL_NURSE';
  team: string;
}

/**
 * Gives workers a client relationship through a case (PRODUCT.md "Who may do what"): the team's
 * supervisor registers them and assigns the named worker (omatyöntekijä) and co-workers. Returns the
 * registered worker ids, named worker first.
 */
export async function assignCaseWorkers(graph: RunningGraph, supervisor: string, caseId: string, named: TestWorker, coWorkers: TestWorker[] = []): Promise<string[]> {
  const ids: string[] = [];
  for (const worker of [named, ...coWorkers]) {
    // A worker registered by an earlier step of the same file is the same worker (CONFLICT names them).
    const registered = await graph.request(`mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`, { input: worker }, supervisor);
    const existing = registered.errors?.[0].extensions?.code === 'CONFLICT' ? (registered.errors[0].extensions.details as { existingWorkerId: string }).existingWorkerId : undefined;
    if (registered.errors && !existing) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(registered.errors)}`);
    ids.push(existing ?? registered.data.registerWorker.id);
  }
  await ok(
    graph,
    `mutation($caseId: ID!, $workerId: ID!, $coWorkerIds: [ID!]) { assignResponsibleWorker(caseId: $caseId, workerId: $workerId, coWorkerIds: $coWorkerIds) { id } }`,
    { caseId, workerId: ids[0], coWorkerIds: ids.slice(1) },
    supervisor,
  );
  return ids;
}
