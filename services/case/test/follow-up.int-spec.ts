import { randomUUID } from 'node:crypto';
import { todayInFinland } from '@asw/calendar';
import { createEnvelope, IncomeSupportDecisionMade, KelaNoticeReceived, topicOf } from '@asw/events';
import { countQueriesOn, eventually, gatewayHeaders, postGraphQL, produceRaw, resolveClients, RunningSubgraph, startSubgraph, TEST_WORKER } from '@asw/testing';
import { caseSubgraph } from '../src/case.subgraph';
import { nextCode, ok, openCaseFor, REGISTER, registration, SUPERVISOR } from './case-test-kit';

const findings = Object.fromEntries(
  ['hasIncome', 'seriousSubstanceAbuse', 'seriousMentalHealth', 'seriousGambling', 'prisonRelease', 'seriousHousingProblem', 'newClientNeedingGuidance', 'rentArrears', 'hadEarlierSocialWorker', 'student', 'elderlyFirstAssessment'].map((key) => [key, false]),
);
const PLAN = `mutation($id: ID!, $input: ClientPlanInput!) { makeClientPlan(caseId: $id, input: $input) { id version planDate reviewDate goals { text setByClient } measures { description responsible responsibleName } madeBy } }`;
const REVIEW = `mutation($id: ID!, $input: ClientPlanReviewInput!) { reviewClientPlan(planId: $id, input: $input) { reviewedOn attainments overall achievedShare } }`;
const MEASURE = `mutation($id: ID!, $input: EurohisMeasurementInput!) { recordEurohisMeasurement(clientId: $id, input: $input) { occasion measuredOn answers score { mean sum good } } }`;
const plan = {
  planDate: '2025-06-10',
  reviewDate: '2025-09-10',
  goals: [
    { text: 'Säännöllinen päivärytmi', setByClient: true },
    { text: 'Vuokrarästien maksusuunnitelma', setByClient: false },
  ],
  measures: [
    { description: 'Viikoittaiset tapaamiset', responsible: 'NAMED_WORKER' },
    { description: 'Maksusuunnitelma vuokranantajan kanssa', responsible: 'OTHER_SERVICE', responsibleName: 'Talous- ja velkaneuvonta' },
  ],
};

describe('case subgraph: client plan, EUROHIS-8, activation trigger and timeline', () => {
  let service: RunningSubgraph;
  let headers: Record<string, string>;

  beforeAll(async () => {
    service = await startSubgraph(caseSubgraph);
    headers = await gatewayHeaders(TEST_WORKER);
  });
  afterAll(() => service?.close());

  const count = async (table: string) => Number((await service.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const newClient = async (dateOfBirth = '1985-04-12') =>
    (await ok(service.url, REGISTER, { input: registration({ personalIdentityCode: nextCode(dateOfBirth) }) }, headers)).registerClient.id as string;
  /** A client the test worker works with: they opened a case for them. */
  const workedClient = async (dateOfBirth?: string) => {
    const clientId = await newClient(dateOfBirth);
    await openCaseFor(service.url, clientId, headers);
    return clientId;
  };
  const assessedCase = async (clientId: string) => {
    const { id } = (await ok(service.url, `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { clientId, initiationChannel: 'APPLICATION', initiatedOn: '2025-06-02' } }, headers)).openCase;
    await ok(service.url, `mutation($id: ID!) { startAssessment(caseId: $id, startedOn: "2025-06-03") { id } }`, { id }, headers);
    await ok(
      service.url,
      `mutation($id: ID!, $input: CompleteAssessmentInput!) { completeAssessment(caseId: $id, input: $input) { id } }`,
      { id, input: { summary: 'Arvio valmis.', supportNeeds: ['DAILY_LIVING'], specialSupportNeeded: false, findings, completedOn: '2025-06-09' } },
      headers,
    );
    return id as string;
  };

  describe('client plan (SHL §39)', () => {
    it('keeps every version, records goal attainment at reviews, and lets the case become ACTIVE on PLAN_MADE', async () => {
      const caseId = await assessedCase(await newClient());
      const noPlan = await postGraphQL(service.url, `mutation($id: ID!) { activateCase(caseId: $id, basis: PLAN_MADE) { id } }`, { id: caseId }, headers);
      expect(noPlan.errors?.[0].extensions?.code).toBe('CONFLICT');

      const first = (await ok(service.url, PLAN, { id: caseId, input: plan }, headers)).makeClientPlan;
      expect(first).toMatchObject({ version: 1, goals: plan.goals, measures: [{ responsibleName: null }, { responsibleName: 'Talous- ja velkaneuvonta' }], madeBy: 'worker-test-1' });
      const review = (await ok(service.url, REVIEW, { id: first.id, input: { reviewedOn: '2025-09-10', attainments: ['ACHIEVED', 'PARTLY_ACHIEVED'] } }, headers)).reviewClientPlan;
      expect(review).toEqual({ reviewedOn: '2025-09-10', attainments: ['ACHIEVED', 'PARTLY_ACHIEVED'], overall: 'PARTLY_ACHIEVED', achievedShare: 0.5 });
      const second = (await ok(service.url, PLAN, { id: caseId, input: { ...plan, planDate: '2025-09-10', reviewDate: '2025-12-10' } }, headers)).makeClientPlan;
      expect(second.version).toBe(2);

      const read = (await ok(service.url, `query($id: ID!) { case(id: $id) { currentPlan { version } plans { version reviews { overall } } } }`, { id: caseId }, headers)).case;
      expect(read).toEqual({ currentPlan: { version: 2 }, plans: [{ version: 2, reviews: [] }, { version: 1, reviews: [{ overall: 'PARTLY_ACHIEVED' }] }] });
      expect((await ok(service.url, `mutation($id: ID!) { activateCase(caseId: $id, basis: PLAN_MADE) { status } }`, { id: caseId }, headers)).activateCase.status).toBe('ACTIVE');
    });

    it.each([
      ['no goal of the client’s own', { ...plan, goals: [{ text: 'Tavoite', setByClient: false }] }, 'goals'],
      ['a review date before the plan date', { ...plan, reviewDate: '2025-06-01' }, 'reviewDate'],
      ['no measures', { ...plan, measures: [] }, 'measures'],
      ['another service without its name', { ...plan, measures: [{ description: 'Apu', responsible: 'OTHER_SERVICE' }] }, 'measures[0].responsibleName'],
    ])('refuses a plan with %s (BAD_USER_INPUT), writing nothing', async (_label, input, field) => {
      const caseId = await assessedCase(await newClient());
      const before = await count('client_plan');
      const response = await postGraphQL(service.url, PLAN, { id: caseId, input }, headers);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
      expect(await count('client_plan')).toBe(before);
    });

    it('refuses a plan before the assessment (CONFLICT) and a review with the wrong number of attainments (BAD_USER_INPUT)', async () => {
      const clientId = await newClient();
      const pending = (await ok(service.url, `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { clientId, initiationChannel: 'PHONE' } }, headers)).openCase.id;
      const early = await postGraphQL(service.url, PLAN, { id: pending, input: plan }, headers);
      expect(early.errors?.[0].extensions?.code).toBe('CONFLICT');
      const made = (await ok(service.url, PLAN, { id: await assessedCase(await newClient()), input: plan }, headers)).makeClientPlan;
      const before = await count('client_plan_review');
      const wrong = await postGraphQL(service.url, REVIEW, { id: made.id, input: { reviewedOn: '2025-09-10', attainments: ['ACHIEVED'] } }, headers);
      expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'attainments' } });
      expect(await count('client_plan_review')).toBe(before);
    });
  });

  describe('EUROHIS-QOL 8', () => {
    it('scores each measurement and shows the change from the first to the latest', async () => {
      const clientId = await workedClient();
      const start = (await ok(service.url, MEASURE, { id: clientId, input: { occasion: 'START', measuredOn: '2025-06-10', answers: [3, 2, 3, 3, 2, 3, 2, 1] } }, headers)).recordEurohisMeasurement;
      expect(start.score).toEqual({ mean: 2.38, sum: 19, good: false });
      await ok(service.url, MEASURE, { id: clientId, input: { occasion: 'REVIEW', measuredOn: '2025-09-10', answers: [3, 3, 3, 4, 3, 3, 3, 2] } }, headers);
      await ok(service.url, MEASURE, { id: clientId, input: { occasion: 'END', measuredOn: '2025-12-10', answers: [4, 4, 4, 4, 4, 4, 4, 4] } }, headers);
      const client = (await ok(service.url, `query($id: ID!) { client(id: $id) { eurohisMeasurements { occasion score { sum } } eurohisChange { meanChange sumChange goodBefore goodAfter from to } } }`, { id: clientId }, headers)).client;
      expect(client.eurohisMeasurements.map((m: any) => `${m.occasion}:${m.score.sum}`)).toEqual(['START:19', 'REVIEW:24', 'END:32']);
      expect(client.eurohisChange).toEqual({ meanChange: 1.63, sumChange: 13, goodBefore: false, goodAfter: true, from: '2025-06-10', to: '2025-12-10' });
    });

    it.each([
      ['seven answers', { answers: [3, 3, 3, 3, 3, 3, 3] }, 'answers'],
      ['an answer of 6', { answers: [3, 3, 3, 3, 3, 3, 3, 6] }, 'answers'],
      ['an answer of 0', { answers: [0, 3, 3, 3, 3, 3, 3, 3] }, 'answers'],
      ['a future day', { measuredOn: '2999-01-01' }, 'measuredOn'],
    ])('refuses %s (BAD_USER_INPUT), writing nothing', async (_label, override, field) => {
      const clientId = await workedClient();
      const before = await count('measurement');
      const response = await postGraphQL(service.url, MEASURE, { id: clientId, input: { occasion: 'START', measuredOn: '2025-06-10', answers: [3, 3, 3, 3, 3, 3, 3, 3], ...override } }, headers);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
      expect(await count('measurement')).toBe(before);
    });
  });

  describe('activation plan trigger (189/2001)', () => {
    const TRIGGER = `query($id: ID!, $on: LocalDate) { client(id: $id) { activationPlanTrigger(on: $on) { triggered basis ruleSetVersion ageOn monthsIncomeSupportAsMainIncome factsRecordedOn } } }`;

    // 189/2001 3 § 1 mom 3 k as amended by 1384/2021: a job-search discussion and main income over the last 4 months
    // from income support paid because of unemployment; no employment plan. The Kela notice received 2.2.2026
    // attests the 4 months up to that day (since 2.10.2025): on 1.3.2026 that is 4 whole months.
    it('evaluates recorded facts together with the months a Kela notice attests', async () => {
      const clientId = await workedClient('2003-05-01');
      const before = (await ok(service.url, TRIGGER, { id: clientId, on: '2026-03-01' }, headers)).client.activationPlanTrigger;
      expect(before).toEqual({ triggered: false, basis: [], ruleSetVersion: '189/2001@2025-01-01', ageOn: 22, monthsIncomeSupportAsMainIncome: 0, factsRecordedOn: null });

      const notice = createEnvelope(
        KelaNoticeReceived.type,
        KelaNoticeReceived.version,
        'benefits-handling',
        { noticeId: randomUUID(), noticeType: 'UNDER_25_UNEMPLOYED_4_MONTHS', urgent: false, receivedAt: '2026-02-02T10:00:00.000Z', clientId, person: null },
        { subject: clientId, correlationId: randomUUID() },
      );
      await produceRaw(topicOf('benefits-handling', service.config.KAFKA_TOPIC_PREFIX), [{ key: clientId, value: JSON.stringify(notice) }]);
      await eventually(async () => expect((await ok(service.url, TRIGGER, { id: clientId, on: '2026-03-01' }, headers)).client.activationPlanTrigger.monthsIncomeSupportAsMainIncome).toBe(4));

      const facts = {
        hasEmploymentPlan: false,
        hadEarlierEmploymentPlan: false,
        jobSearchDiscussionHeld: true,
        labourMarketSubsidyDaysLast12Months: 30,
        reachedEarningsRelated500DayLimit: false,
        labourMarketSubsidyDaysAfter500DayLimit: 0,
        unemploymentIncomeSupportAsMainIncomeSince: '2026-01-01',
      };
      await ok(service.url, `mutation($id: ID!, $input: ActivationFactsInput!) { recordActivationFacts(clientId: $id, input: $input) { triggered } }`, { id: clientId, input: facts }, headers);
      const after = (await ok(service.url, TRIGGER, { id: clientId, on: '2026-03-01' }, headers)).client.activationPlanTrigger;
      expect(after).toEqual({ triggered: true, basis: ['UNDER_25_INCOME_SUPPORT_4_MONTHS'], ruleSetVersion: '189/2001@2025-01-01', ageOn: 22, monthsIncomeSupportAsMainIncome: 4, factsRecordedOn: todayInFinland() });
      // Before the notice arrived, Kela had attested nothing: one whole month since the recorded 1.1.2026.
      expect((await ok(service.url, TRIGGER, { id: clientId, on: '2026-02-01' }, headers)).client.activationPlanTrigger).toMatchObject({ triggered: false, monthsIncomeSupportAsMainIncome: 1 });
    });

    it('refuses negative facts, the retired month count and days before any known trigger set (BAD_USER_INPUT)', async () => {
      const clientId = await workedClient();
      const before = await count('activation_facts');
      const bad = await postGraphQL(
        service.url,
        `mutation($id: ID!, $input: ActivationFactsInput!) { recordActivationFacts(clientId: $id, input: $input) { triggered } }`,
        { id: clientId, input: { hasEmploymentPlan: true, hadEarlierEmploymentPlan: false, labourMarketSubsidyDaysLast12Months: -1, reachedEarningsRelated500DayLimit: false, labourMarketSubsidyDaysAfter500DayLimit: 0, monthsIncomeSupportAsMainIncome: 0 } },
        headers,
      );
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'labourMarketSubsidyDaysLast12Months' } });
      expect(await count('activation_facts')).toBe(before);
      const retired = await postGraphQL(
        service.url,
        `mutation($id: ID!, $input: ActivationFactsInput!) { recordActivationFacts(clientId: $id, input: $input) { triggered } }`,
        { id: clientId, input: { hasEmploymentPlan: true, hadEarlierEmploymentPlan: false, labourMarketSubsidyDaysLast12Months: 0, reachedEarningsRelated500DayLimit: false, labourMarketSubsidyDaysAfter500DayLimit: 0, monthsIncomeSupportAsMainIncome: 4 } },
        headers,
      );
      expect(retired.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'monthsIncomeSupportAsMainIncome' } });
      expect(await count('activation_facts')).toBe(before);
      const early = await postGraphQL(service.url, TRIGGER, { id: clientId, on: '2020-01-01' }, headers);
      expect(early.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('timeline', () => {
    const TIMELINE = `query($id: ID!, $first: Int, $after: String, $order: TimelineOrder) {
      client(id: $id) { timeline(first: $first, after: $after, order: $order) { edges { cursor node { kind summary caseId } } pageInfo { hasNextPage endCursor } } }
    }`;

    it('merges the whole process in order, including income support decisions learned from benefits-handling, page by page', async () => {
      const clientId = await newClient();
      const caseId = await assessedCase(clientId);
      await ok(service.url, PLAN, { id: caseId, input: plan }, headers);
      await ok(
        service.url,
        `mutation($id: ID!, $input: MakeServiceDecisionInput!) { makeServiceDecision(caseId: $id, input: $input) { id } }`,
        { id: caseId, input: { serviceType: 'HOUSING_SUPPORT', outcome: 'GRANTED', reasoning: 'Asumisen tuen tarve.', validFrom: '2025-07-01' } },
        headers,
      );
      await ok(service.url, `mutation($input: RecordContactInput!) { recordContact(input: $input) { id } }`, { input: { clientId, type: 'HOME_VISIT', occurredOn: '2025-06-20' } }, headers);
      await ok(service.url, MEASURE, { id: clientId, input: { occasion: 'START', measuredOn: '2025-06-11', answers: [3, 3, 3, 3, 3, 3, 3, 3] } }, headers);
      const decision = createEnvelope(
        IncomeSupportDecisionMade.type,
        IncomeSupportDecisionMade.version,
        'benefits-handling',
        { decisionId: randomUUID(), applicationId: randomUUID(), clientId, kind: 'PREVENTIVE', outcome: 'GRANTED', grantedTotalCents: 45000, decidedAt: '2025-06-25T09:00:00.000Z', correctsDecisionId: null },
        { subject: clientId, correlationId: randomUUID() },
      );
      await produceRaw(topicOf('benefits-handling', service.config.KAFKA_TOPIC_PREFIX), [{ key: clientId, value: JSON.stringify(decision) }, { key: clientId, value: JSON.stringify(decision) }]);
      await ok(service.url, `mutation($id: ID!) { closeCase(caseId: $id, input: { reason: SERVICES_ENDED }) { id } }`, { id: caseId }, headers);
      // Closing ended the worker's relationship; the team's supervisor reads the closed client's timeline.
      const lead = await gatewayHeaders(SUPERVISOR);

      const all = await eventually(async () => {
        const timeline = (await ok(service.url, TIMELINE, { id: clientId, first: 50, order: 'OLDEST_FIRST' }, lead)).client.timeline;
        expect(timeline.edges.map((edge: any) => edge.node.kind)).toContain('INCOME_SUPPORT_DECISION');
        return timeline;
      });
      // Dated by day: the measurement (11.6.) and the visit (20.6.) and the income support decision (25.6.2025)
      // come before everything recorded today.
      expect(all.edges.map((edge: any) => `${edge.node.kind}:${edge.node.summary}`)).toEqual([
        'MEASUREMENT:EUROHIS-QOL 8 START: mean 3',
        'CONTACT:HOME_VISIT (SOCIAL_WORKER)',
        'INCOME_SUPPORT_DECISION:PREVENTIVE income support GRANTED',
        'STATUS_CHANGE:INITIATED',
        'ASSESSMENT:INITIATED → ASSESSMENT',
        'ASSESSMENT:ASSESSMENT → PLANNING',
        'CLIENT_PLAN:Client plan version 1, review on 2025-09-10',
        'SERVICE_DECISION:HOUSING_SUPPORT GRANTED',
        'STATUS_CHANGE:PLANNING → CLOSED',
      ]);
      expect(all.pageInfo.hasNextPage).toBe(false);

      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: any = (await ok(service.url, TIMELINE, { id: clientId, first: 4, after }, lead)).client.timeline;
        seen.push(...page.edges.map((edge: any) => edge.node.summary));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual(all.edges.map((edge: any) => edge.node.summary).reverse());

      const bad = await postGraphQL(service.url, TIMELINE, { id: clientId, after: 'garbage!' }, lead);
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'after' } });
    });

    it('loads the timelines of many clients with one query per source', async () => {
      const ids = [await workedClient(), await workedClient(), await workedClient()];
      for (const id of ids) await ok(service.url, `mutation($input: RecordContactInput!) { recordContact(input: $input) { id } }`, { input: { clientId: id, type: 'PHONE', occurredOn: '2025-05-05' } }, headers);
      let response: any;
      const queries = await countQueriesOn('contact', async () => {
        response = await resolveClients(service.url, headers, ids, 'timeline { edges { node { kind } } }');
      });
      // Each: the case opened and the contact.
      expect(response.data._entities.map((client: any) => client.timeline.edges.length)).toEqual([2, 2, 2]);
      expect(queries).toBe(1);
    });
  });
});
