import { decisionNotification, LocalDate, todayInFinland } from '@asw/calendar';
import { topicOf } from '@asw/events';
import type { Identity } from '@asw/auth';
import { countQueriesOn, eventually, gatewayHeaders, observeTopic, postGraphQL, RunningSubgraph, startSubgraph, TEST_WORKER } from '@asw/testing';
import { caseSubgraph } from '../src/case.subgraph';
import { INSTRUCTOR, nextCode, ok, REGISTER, registration } from './case-test-kit';

const DECIDE = `mutation($id: ID!, $input: MakeServiceDecisionInput!) {
  makeServiceDecision(caseId: $id, input: $input) {
    id serviceType outcome reasoning validFrom validUntil clientGoals decidedOn decidedBy sentOn deemedReceivedOn appealDeadline
  }
}`;
const findings = Object.fromEntries(
  ['hasIncome', 'seriousSubstanceAbuse', 'seriousMentalHealth', 'seriousGambling', 'prisonRelease', 'seriousHousingProblem', 'newClientNeedingGuidance', 'rentArrears', 'hadEarlierSocialWorker', 'student', 'elderlyFirstAssessment'].map((key) => [key, false]),
);
const rehabilitation = {
  serviceType: 'SOCIAL_REHABILITATION',
  outcome: 'GRANTED',
  reasoning: 'Sosiaalisen kuntoutuksen tarve todettu palvelutarpeen arvioinnissa.',
  validFrom: '2025-06-16',
  validUntil: '2025-12-31',
  clientGoals: ['Säännöllinen päivärytmi', 'Osallistuminen ryhmään kerran viikossa'],
};

describe('case subgraph: service decisions (SHL §45)', () => {
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

  const count = async (table: string) => Number((await service.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const snapshot = async () => ({ decisions: await count('service_decision'), outbox: await count('outbox') });

  /** A case initiated on 2.6.2025, its assessment done: ready for decisions. */
  const assessedCase = async (assess = true) => {
    const clientId = (await ok(service.url, REGISTER, { input: registration({ personalIdentityCode: nextCode() }) }, headers)).registerClient.id;
    const opened = (await ok(service.url, `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { clientId, initiationChannel: 'APPLICATION', initiatedOn: '2025-06-02' } }, headers)).openCase;
    if (assess) {
      await ok(service.url, `mutation($id: ID!) { startAssessment(caseId: $id, startedOn: "2025-06-03") { id } }`, { id: opened.id }, headers);
      await ok(
        service.url,
        `mutation($id: ID!, $input: CompleteAssessmentInput!) { completeAssessment(caseId: $id, input: $input) { id } }`,
        { id: opened.id, input: { summary: 'Tarve sosiaaliselle kuntoutukselle.', supportNeeds: ['DAILY_LIVING', 'SOCIAL_RELATIONSHIPS'], specialSupportNeeded: false, findings, completedOn: '2025-06-10' } },
        headers,
      );
    }
    return { clientId: clientId as string, caseId: opened.id as string };
  };

  it('records a granted social rehabilitation decision with the client’s goals, the appeal dates, and publishes ServiceDecisionMade', async () => {
    const { clientId, caseId } = await assessedCase();
    // Posted Friday 13.6.2025: deemed received on Midsummer Eve 20.6. (a presumption, not moved);
    // 30 days later is Sunday 20.7., so the appeal deadline moves to Monday 21.7.2025.
    const decision = (await ok(service.url, DECIDE, { id: caseId, input: { ...rehabilitation, decidedOn: '2025-06-12', sentOn: '2025-06-13' } }, headers)).makeServiceDecision;
    expect(decision).toMatchObject({
      ...rehabilitation,
      decidedOn: '2025-06-12',
      decidedBy: TEST_WORKER.kind === 'user' ? TEST_WORKER.userId : '',
      sentOn: '2025-06-13',
      deemedReceivedOn: '2025-06-20',
      appealDeadline: '2025-07-21',
    });
    const event = await eventually(() => {
      const found = observer.received.find((m) => m.envelope.type === 'ServiceDecisionMade' && m.envelope.subject === clientId);
      if (!found) throw new Error('ServiceDecisionMade not yet on Kafka');
      return found;
    });
    expect(event.key).toBe(clientId);
    expect(event.envelope.payload).toMatchObject({
      decisionId: decision.id,
      caseId,
      clientId,
      serviceType: 'SOCIAL_REHABILITATION',
      outcome: 'GRANTED',
      validFrom: '2025-06-16',
      validUntil: '2025-12-31',
      decidedBy: { workerId: decision.decidedBy, workerRole: 'SOCIAL_WORKER' },
    });
    expect(JSON.stringify(event.envelope)).not.toContain('päivärytmi');
  });

  it('records a denial without a validity period; the event carries the decision day', async () => {
    const { clientId, caseId } = await assessedCase();
    const today = todayInFinland();
    const denial = (
      await ok(service.url, DECIDE, { id: caseId, input: { serviceType: 'SUPPORTED_HOUSING', outcome: 'DENIED', reasoning: 'Tarve voidaan täyttää kevyemmin palveluin.', sentOn: today } }, headers)
    ).makeServiceDecision;
    expect(denial).toMatchObject({ outcome: 'DENIED', validFrom: null, validUntil: null, decidedOn: today, ...decisionNotification(today as LocalDate) });
    await eventually(() =>
      expect(observer.received.find((m) => m.envelope.type === 'ServiceDecisionMade' && m.envelope.subject === clientId)?.envelope.payload).toMatchObject({
        outcome: 'DENIED',
        validFrom: today,
        validUntil: today,
      }),
    );
    const listed = (await ok(service.url, `query($id: ID!) { case(id: $id) { decisions { id outcome } } }`, { id: caseId }, headers)).case.decisions;
    expect(listed).toEqual([{ id: denial.id, outcome: 'DENIED' }]);
  });

  it.each([
    ['social rehabilitation without the client’s goals', { ...rehabilitation, clientGoals: [] }, 'BAD_USER_INPUT', 'clientGoals'],
    ['a grant without validFrom', { ...rehabilitation, validFrom: null }, 'BAD_USER_INPUT', 'validFrom'],
    ['a denial with a validity period', { ...rehabilitation, outcome: 'DENIED' }, 'BAD_USER_INPUT', 'validFrom'],
    ['an end before the start', { ...rehabilitation, validUntil: '2025-06-01' }, 'BAD_USER_INPUT', 'validUntil'],
    ['no reasoning', { ...rehabilitation, reasoning: ' ' }, 'BAD_USER_INPUT', 'reasoning'],
    ['a decision day before the case', { ...rehabilitation, decidedOn: '2025-06-01' }, 'BAD_USER_INPUT', 'decidedOn'],
    ['posting before the decision', { ...rehabilitation, decidedOn: '2025-06-12', sentOn: '2025-06-11' }, 'BAD_USER_INPUT', 'sentOn'],
  ])('refuses %s, writing no decision and no event', async (_label, input, code, field) => {
    const { caseId } = await assessedCase();
    const before = await snapshot();
    const response = await postGraphQL(service.url, DECIDE, { id: caseId, input }, headers);
    expect(response.errors?.[0].extensions).toMatchObject({ code, details: { field } });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a decision before the assessment is complete (CONFLICT), on a closed case (CONFLICT; FORBIDDEN once the worker’s relationship ended), and by a non-social-worker (FORBIDDEN)', async () => {
    const { caseId: pending } = await assessedCase(false);
    const { caseId: closed } = await assessedCase();
    await ok(service.url, `mutation($id: ID!) { closeCase(caseId: $id, input: { reason: NO_SERVICE_NEED }) { id } }`, { id: closed }, headers);
    const { caseId: other } = await assessedCase();
    const before = await snapshot();
    // Closing ended the test worker's relationship; a social worker leading the team keeps theirs.
    const leadSocialWorker = { ...TEST_WORKER, userId: 'lead-social-worker', roles: ['SOCIAL_WORKER', 'SUPERVISOR'] } as Identity;
    for (const [id, identity, code] of [
      [pending, TEST_WORKER, 'CONFLICT'],
      [closed, TEST_WORKER, 'FORBIDDEN'],
      [closed, leadSocialWorker, 'CONFLICT'],
      [other, INSTRUCTOR, 'FORBIDDEN'],
      // An unknown case is refused like a case without a relationship.
      ['00000000-0000-4000-8000-000000000000', TEST_WORKER, 'FORBIDDEN'],
    ] as Array<[string, Identity, string]>) {
      const response = await postGraphQL(service.url, DECIDE, { id, input: rehabilitation }, await gatewayHeaders(identity));
      expect({ id, code: response.errors?.[0].extensions?.code }).toEqual({ id, code });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('resolves the decisions of many cases in one SQL query', async () => {
    const clients: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { clientId, caseId } = await assessedCase();
      await ok(service.url, DECIDE, { id: caseId, input: rehabilitation }, headers);
      clients.push(clientId);
    }
    let response: any;
    const queries = await countQueriesOn('service_decision', async () => {
      response = await postGraphQL(
        service.url,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Client { cases { decisions { serviceType } } } } }`,
        { r: clients.map((id) => ({ __typename: 'Client', id })) },
        headers,
      );
    });
    expect(response.errors).toBeUndefined();
    expect(response.data._entities.map((c: any) => c.cases[0].decisions.length)).toEqual([1, 1, 1]);
    expect(queries).toBe(1);
  });
});
