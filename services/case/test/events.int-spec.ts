import { todayInFinland } from '@asw/calendar';
import { topicOf } from '@asw/events';
import { eventually, gatewayHeaders, observeTopic, postGraphQL, RunningSubgraph, startSubgraph, TEST_WORKER } from '@asw/testing';
import { caseSubgraph } from '../src/case.subgraph';
import { clientWithCase, ok, SUPERVISOR } from './case-test-kit';

const findings = Object.fromEntries(
  ['hasIncome', 'seriousSubstanceAbuse', 'seriousMentalHealth', 'seriousGambling', 'prisonRelease', 'seriousHousingProblem', 'newClientNeedingGuidance', 'rentArrears', 'hadEarlierSocialWorker', 'student', 'elderlyFirstAssessment'].map((key) => [key, false]),
);
const PLAN = `mutation($id: ID!, $input: ClientPlanInput!) { makeClientPlan(caseId: $id, input: $input) { id } }`;
const REVIEW = `mutation($id: ID!, $input: ClientPlanReviewInput!) { reviewClientPlan(planId: $id, input: $input) { overall } }`;
const MEASURE = `mutation($id: ID!, $input: EurohisMeasurementInput!) { recordEurohisMeasurement(clientId: $id, input: $input) { id } }`;
const FACTS = `mutation($id: ID!, $input: ActivationFactsInput!) { recordActivationFacts(clientId: $id, input: $input) { triggered basis } }`;
const REGISTER_WORKER = `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`;
const plan = {
  planDate: '2025-06-10',
  reviewDate: '2025-09-10',
  goals: [
    { text: 'Oma koti säilyy Virtasella', setByClient: true },
    { text: 'Velkaneuvonta', setByClient: false },
  ],
  measures: [{ description: 'Kotikäynnit viikoittain', responsible: 'NAMED_WORKER' }],
};

describe('case subgraph: events of workers, plans, measurements and activation facts (issue #4)', () => {
  let service: RunningSubgraph;
  let headers: Record<string, string>;
  let observer: Awaited<ReturnType<typeof observeTopic>>;

  beforeAll(async () => {
    service = await startSubgraph(caseSubgraph);
    headers = await gatewayHeaders(TEST_WORKER);
    observer = await observeTopic(topicOf('case', service.config.KAFKA_TOPIC_PREFIX));
  });
  afterAll(async () => {
    await observer?.stop();
    await service?.close();
  });

  const outbox = async () => Number((await service.dataSource.query(`SELECT count(*) AS n FROM outbox`))[0].n);
  const published = (type: string, subject: string) =>
    eventually(() => {
      const found = observer.received.filter((m) => m.envelope.type === type && m.envelope.subject === subject);
      if (found.length === 0) throw new Error(`${type} not yet on Kafka`);
      return found.map((m) => m.envelope);
    });
  const assessedCase = async () => {
    const { clientId, caseId } = await clientWithCase(service.url, headers, {}, { initiatedOn: '2025-06-02' });
    await ok(service.url, `mutation($id: ID!) { startAssessment(caseId: $id, startedOn: "2025-06-03") { id } }`, { id: caseId }, headers);
    await ok(
      service.url,
      `mutation($id: ID!, $input: CompleteAssessmentInput!) { completeAssessment(caseId: $id, input: $input) { id } }`,
      { id: caseId, input: { summary: 'Arvio valmis.', supportNeeds: ['HOUSING'], specialSupportNeeded: false, findings, completedOn: '2025-06-09' } },
      headers,
    );
    return { clientId, caseId };
  };

  it('WorkerRegistered: the user id, role and team, never the name; nothing on a refused registration', async () => {
    const lead = await gatewayHeaders(SUPERVISOR);
    const workerId = (await ok(service.url, REGISTER_WORKER, { input: { userId: 'event-worker-1', name: 'Ville Virtanen', role: 'SOCIAL_INSTRUCTOR', team: 'team-events' } }, lead)).registerWorker.id;
    const [event] = await published('WorkerRegistered', workerId);
    expect(event.payload).toEqual({ workerId, userId: 'event-worker-1', role: 'SOCIAL_INSTRUCTOR', team: 'team-events', registeredAt: expect.any(String) });
    expect(JSON.stringify(event)).not.toContain('Virtanen');

    const before = await outbox();
    const duplicate = await postGraphQL(service.url, REGISTER_WORKER, { input: { userId: 'event-worker-1', name: 'Other', role: 'SOCIAL_WORKER', team: 'team-events' } }, lead);
    expect(duplicate.errors?.[0].extensions?.code).toBe('CONFLICT');
    const blank = await postGraphQL(service.url, REGISTER_WORKER, { input: { userId: 'event-worker-2', name: ' ', role: 'SOCIAL_WORKER', team: 'team-events' } }, lead);
    expect(blank.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await outbox()).toBe(before);
  });

  it('ClientPlanMade and ClientPlanReviewed: counts and goal attainment, no texts; nothing on bad input', async () => {
    const { clientId, caseId } = await assessedCase();
    const planId = (await ok(service.url, PLAN, { id: caseId, input: plan }, headers)).makeClientPlan.id;
    await ok(service.url, REVIEW, { id: planId, input: { reviewedOn: '2025-09-10', attainments: ['ACHIEVED', 'ABANDONED'] } }, headers);

    const [made] = await published('ClientPlanMade', clientId);
    expect(made.payload).toEqual({
      planId,
      caseId,
      clientId,
      version: 1,
      planDate: '2025-06-10',
      reviewDate: '2025-09-10',
      goalCount: 2,
      goalsSetByClient: 1,
      measureCount: 1,
      madeAt: expect.any(String),
    });
    const [reviewed] = await published('ClientPlanReviewed', clientId);
    expect(reviewed.payload).toEqual({
      reviewId: expect.any(String),
      planId,
      caseId,
      clientId,
      reviewedOn: '2025-09-10',
      attainments: ['ACHIEVED', 'ABANDONED'],
      overall: 'ACHIEVED',
      achievedShare: 1,
      reviewedAt: expect.any(String),
    });
    expect(JSON.stringify([made, reviewed])).not.toMatch(/Virtase|Velkaneuvonta|Kotikäynnit/);

    const before = await outbox();
    const badPlan = await postGraphQL(service.url, PLAN, { id: caseId, input: { ...plan, measures: [] } }, headers);
    expect(badPlan.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badReview = await postGraphQL(service.url, REVIEW, { id: planId, input: { reviewedOn: '2025-09-10', attainments: ['ACHIEVED'] } }, headers);
    expect(badReview.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await outbox()).toBe(before);
  });

  it('EurohisMeasurementRecorded: the score only, not the answers; nothing on bad input', async () => {
    const { clientId, caseId } = await clientWithCase(service.url, headers);
    const measurementId = (await ok(service.url, MEASURE, { id: clientId, input: { occasion: 'START', measuredOn: '2025-06-10', answers: [3, 2, 3, 3, 2, 3, 2, 1], caseId } }, headers))
      .recordEurohisMeasurement.id;
    const [event] = await published('EurohisMeasurementRecorded', clientId);
    expect(event.payload).toEqual({
      measurementId,
      clientId,
      caseId,
      occasion: 'START',
      measuredOn: '2025-06-10',
      score: { sum: 19, mean: 2.38, good: false },
      recordedAt: expect.any(String),
    });
    expect(event.payload).not.toHaveProperty('answers');

    const before = await outbox();
    const bad = await postGraphQL(service.url, MEASURE, { id: clientId, input: { occasion: 'START', measuredOn: '2025-06-10', answers: [3, 3, 3] } }, headers);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await outbox()).toBe(before);
  });

  it('ActivationFactsRecorded: whether an activation plan is due today and why, not the facts; nothing on bad input', async () => {
    const { clientId } = await clientWithCase(service.url, headers);
    // Born 1985: 25 or over, with an earlier employment plan and over a year on income support because of unemployment.
    const facts = { hasEmploymentPlan: false, hadEarlierEmploymentPlan: true, labourMarketSubsidyDaysLast12Months: 30, reachedEarningsRelated500DayLimit: false, labourMarketSubsidyDaysAfter500DayLimit: 0, unemploymentIncomeSupportAsMainIncomeSince: '2024-01-01' };
    const answered = (await ok(service.url, FACTS, { id: clientId, input: facts }, headers)).recordActivationFacts;
    const [event] = await published('ActivationFactsRecorded', clientId);
    expect(event.payload).toEqual({
      clientId,
      recordedOn: todayInFinland(),
      activationPlanTriggered: answered.triggered,
      triggerBasis: answered.basis,
      ruleSetVersion: expect.any(String),
      recordedAt: expect.any(String),
    });
    expect(answered).toEqual({ triggered: true, basis: ['AGE_25_PLUS_INCOME_SUPPORT_12_MONTHS'] });

    const before = await outbox();
    const bad = await postGraphQL(service.url, FACTS, { id: clientId, input: { ...facts, labourMarketSubsidyDaysLast12Months: -1 } }, headers);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await outbox()).toBe(before);
  });
});
