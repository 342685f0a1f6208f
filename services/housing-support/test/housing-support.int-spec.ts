import { randomUUID } from 'node:crypto';
import { CORRELATION_ID_HEADER, Identity, UserRole } from '@asw/auth';
import { addDays, todayInFinland } from '@asw/calendar';
import { createEnvelope, topicOf } from '@asw/events';
import {
  countQueriesOn,
  eventually,
  gatewayHeaders,
  observeTopic,
  postGraphQL,
  produceRaw,
  resolveClients,
  RunningSubgraph,
  startSubgraph,
} from '@asw/testing';
import { housingSupportSubgraph } from '../src/housing-support.subgraph';
import { SupportPeriodCommands } from '../src/support-periods/support-period.command';

const worker = (userId: string, role: UserRole, team = 'team-test'): Identity & { kind: 'user' } => ({ kind: 'user', userId, roles: [role], team, organisation: 'test-county' });
const INSTRUCTOR_ID = 'instructor-1';
const INSTRUCTOR = worker(INSTRUCTOR_ID, 'SOCIAL_INSTRUCTOR');

describe('housing-support subgraph (real PostgreSQL and Kafka)', () => {
  let service: RunningSubgraph;
  let headers: Record<string, string>;
  let housingTopic: Awaited<ReturnType<typeof observeTopic>>;
  const today = todayInFinland();

  beforeAll(async () => {
    service = await startSubgraph(housingSupportSubgraph);
    headers = await gatewayHeaders(INSTRUCTOR);
    housingTopic = await observeTopic(topicOf('housing-support', service.config.KAFKA_TOPIC_PREFIX));
  });
  afterAll(async () => {
    await housingTopic?.stop();
    await service?.close();
  });

  const gql = (query: string, variables: Record<string, unknown> = {}, as = headers) => postGraphQL(service.url, query, variables, as);
  const count = async (sql: string, params: unknown[]) => (await service.dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n as number;
  const outbox = async (type: string, clientId: string) =>
    (await service.dataSource.query(`SELECT envelope FROM outbox WHERE event_type = $1 AND message_key = $2 ORDER BY seq`, [type, clientId])).map(
      (row: { envelope: { payload: any } }) => row.envelope.payload,
    );

  /**
   * Who works on one of the client's cases, as the case service's CaseRelationshipsChanged leaves it in
   * this service's case_relationships: by default the instructor is the named worker of an open case.
   */
  async function relate(clientId: string, change: { caseId?: string; team?: string; open?: boolean; namedWorker?: string | null; coWorkers?: string[] } = {}) {
    const c = { caseId: randomUUID(), team: 'team-test', open: true, namedWorker: INSTRUCTOR_ID, coWorkers: [] as string[], ...change };
    await service.dataSource.query(
      `INSERT INTO case_relationships (case_id, client_id, team, open, named_worker, co_workers, changed_at) VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (case_id) DO NOTHING`,
      [c.caseId, clientId, c.team, c.open, c.namedWorker, c.coWorkers],
    );
    return clientId;
  }

  /** A client the instructor works on (named worker of an open case). */
  const relatedClient = () => relate(randomUUID());

  async function produceCaseEvent(type: 'ServiceDecisionMade' | 'CaseClosed' | 'CaseRelationshipsChanged', clientId: string, payload: Record<string, unknown>) {
    const event = createEnvelope(type, 1, 'case', payload, { subject: clientId, correlationId: randomUUID() });
    await produceRaw(topicOf('case', service.config.KAFKA_TOPIC_PREFIX), [{ key: clientId, value: JSON.stringify(event) }]);
    return event;
  }

  const decision = (clientId: string, change: Record<string, unknown> = {}) => ({
    decisionId: randomUUID(),
    caseId: randomUUID(),
    clientId,
    serviceType: 'HOUSING_SUPPORT',
    outcome: 'GRANTED',
    validFrom: today,
    validUntil: null,
    decidedAt: new Date().toISOString(),
    decidedBy: { workerId: 'sw-1', workerRole: 'SOCIAL_WORKER' },
    ...change,
  });

  /** A granted decision arrives from case; resolves with the period it opened. */
  async function openedPeriod(clientId = randomUUID(), change: Record<string, unknown> = {}) {
    const payload = decision(clientId, change);
    await relate(clientId, { caseId: payload.caseId as string });
    await produceCaseEvent('ServiceDecisionMade', clientId, payload);
    const [row] = await eventually(async () => {
      const rows = await service.dataSource.query(`SELECT id, status FROM housing_support_period WHERE decision_id = $1`, [payload.decisionId]);
      expect(rows).toHaveLength(1);
      return rows;
    });
    return { clientId, periodId: row.id as string, caseId: payload.caseId as string, decisionId: payload.decisionId as string };
  }

  const PLAN = `mutation($input: PlanHousingSupportPeriodInput!) { planHousingSupportPeriod(input: $input) { id status startsOn endsOn goals { area text } visitSchedule { frequency weekday } } }`;
  const START = `mutation($id: ID!) { startHousingSupportPeriod(periodId: $id) { id status } }`;
  const plan = (periodId: string, change: Record<string, unknown> = {}) => ({
    periodId,
    startsOn: addDays(today, -14),
    endsOn: addDays(today, 160),
    goals: [
      { area: 'LOOKING_AFTER_THE_HOME', text: 'Kodin siivous viikoittain' },
      { area: 'INCOME_AND_MONEY_MANAGEMENT', text: 'Laskut ajallaan' },
    ],
    visitSchedule: { frequency: 'WEEKLY', weekday: 'TUESDAY' },
    ...change,
  });

  async function activePeriod() {
    const opened = await openedPeriod();
    expect((await gql(PLAN, { input: plan(opened.periodId) })).errors).toBeUndefined();
    expect((await gql(START, { id: opened.periodId })).data.startHousingSupportPeriod.status).toBe('ACTIVE');
    return opened;
  }

  describe('support periods', () => {
    it('a granted HOUSING_SUPPORT decision opens one period in planning, announced on housing.events; redelivery opens nothing more', async () => {
      const clientId = randomUUID();
      const payload = decision(clientId);
      const event = createEnvelope('ServiceDecisionMade', 1, 'case', payload, { subject: clientId, correlationId: randomUUID() });
      const message = { key: clientId, value: JSON.stringify(event) };
      await produceRaw(topicOf('case', service.config.KAFKA_TOPIC_PREFIX), [message, message]);

      await eventually(async () => expect(await count(`housing_support_period WHERE client_id = $1 AND status = 'PLANNING'`, [clientId])).toBe(1));
      const [{ id }] = await service.dataSource.query(`SELECT id FROM housing_support_period WHERE client_id = $1`, [clientId]);
      await eventually(() => {
        const opened = housingTopic.received.filter((r) => r.envelope.type === 'HousingSupportPeriodOpened' && r.key === clientId);
        expect(opened).toHaveLength(1);
        expect(opened[0].envelope.payload).toMatchObject({ periodId: id, clientId, decisionId: payload.decisionId });
      });
    });

    it('ignores denied decisions and other services’ decisions', async () => {
      const clientId = randomUUID();
      await produceCaseEvent('ServiceDecisionMade', clientId, decision(clientId, { outcome: 'DENIED' }));
      const last = await produceCaseEvent('ServiceDecisionMade', clientId, decision(clientId, { serviceType: 'SOCIAL_REHABILITATION' }));
      await eventually(async () => expect(await count(`inbox WHERE event_id = $1`, [last.id])).toBe(1));
      expect(await count(`housing_support_period WHERE client_id = $1`, [clientId])).toBe(0);
    });

    it('the worker records the fixed term, goals per guidance area and visit schedule, then starts the period; each is announced', async () => {
      const { periodId, clientId } = await openedPeriod();
      const planned = await gql(PLAN, { input: plan(periodId) });
      expect(planned.errors).toBeUndefined();
      expect(planned.data.planHousingSupportPeriod).toEqual({
        id: periodId,
        status: 'PLANNING',
        startsOn: addDays(today, -14),
        endsOn: addDays(today, 160),
        goals: [
          { area: 'LOOKING_AFTER_THE_HOME', text: 'Kodin siivous viikoittain' },
          { area: 'INCOME_AND_MONEY_MANAGEMENT', text: 'Laskut ajallaan' },
        ],
        visitSchedule: { frequency: 'WEEKLY', weekday: 'TUESDAY' },
      });
      const term = { startsOn: addDays(today, -14), endsOn: addDays(today, 160) };
      const agreed = { ...term, goalAreas: ['LOOKING_AFTER_THE_HOME', 'INCOME_AND_MONEY_MANAGEMENT'], visitSchedule: { frequency: 'WEEKLY', weekday: 'TUESDAY' } };
      const by = { workerId: 'instructor-1', workerRole: 'SOCIAL_INSTRUCTOR' };
      // The goals' own words stay here: the event names their guidance areas.
      expect(await outbox('HousingSupportPeriodPlanned', clientId)).toEqual([{ periodId, clientId, ...agreed, plannedBy: by }]);
      const started = await gql(START, { id: periodId });
      expect(started.data.startHousingSupportPeriod).toEqual({ id: periodId, status: 'ACTIVE' });
      expect(await outbox('HousingSupportPeriodStarted', clientId)).toEqual([{ periodId, clientId, ...agreed, startedBy: by }]);
      // Once running, the plan is what was agreed at the start.
      const replan = await gql(PLAN, { input: plan(periodId) });
      expect(replan.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await outbox('HousingSupportPeriodPlanned', clientId)).toHaveLength(1);
      expect((await gql(START, { id: periodId })).errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await outbox('HousingSupportPeriodStarted', clientId)).toHaveLength(1);
    });

    it.each([
      { name: 'an end date before the start', change: { endsOn: addDays(todayInFinland(), -15) }, code: 'BAD_USER_INPUT' },
      { name: 'a term over 36 months', change: { endsOn: addDays(todayInFinland(), 1200) }, code: 'BAD_USER_INPUT' },
      { name: 'an impossible date', change: { endsOn: '2027-02-30' }, code: 'BAD_USER_INPUT' },
      { name: 'an unknown guidance area', change: { goals: [{ area: 'GARDENING', text: 'x' }] }, code: 'BAD_USER_INPUT' },
      { name: 'the same goal twice', change: { goals: [{ area: 'OWN_WELLBEING', text: 'Uni' }, { area: 'OWN_WELLBEING', text: 'uni' }] }, code: 'BAD_USER_INPUT' },
    ])('refuses a plan with $name ($code) and writes nothing, announces nothing', async ({ change, code }) => {
      const { periodId, clientId } = await openedPeriod();
      const response = await gql(PLAN, { input: plan(periodId, change) });
      expect(response.errors?.[0].extensions?.code).toBe(code);
      const [row] = await service.dataSource.query(`SELECT starts_on, ends_on, goals FROM housing_support_period WHERE id = $1`, [periodId]);
      expect(row).toEqual({ starts_on: null, ends_on: null, goals: [] });
      expect(await outbox('HousingSupportPeriodPlanned', clientId)).toEqual([]);
    });

    it('refuses to start a period without goals or schedule, and an unknown period as one out of reach (FORBIDDEN)', async () => {
      const { periodId, clientId } = await openedPeriod();
      await gql(PLAN, { input: plan(periodId, { goals: [], visitSchedule: null }) });
      expect((await gql(START, { id: periodId })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await outbox('HousingSupportPeriodStarted', clientId)).toEqual([]);
      expect((await gql(START, { id: randomUUID() })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await gql(START, { id: 'not-a-uuid' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await count(`housing_support_period WHERE id = $1 AND status = 'PLANNING'`, [periodId])).toBe(1);
    });

    it('the worker ends a period with an outcome; HousingSupportPeriodEnded is published with it', async () => {
      const { periodId, clientId } = await activePeriod();
      const END = `mutation($input: EndHousingSupportPeriodInput!) { endHousingSupportPeriod(input: $input) { status endedOn endCause outcome } }`;
      const ended = await gql(END, { input: { periodId, endedOn: today, outcome: 'GOALS_MET' } });
      expect(ended.data.endHousingSupportPeriod).toEqual({ status: 'ENDED', endedOn: today, endCause: 'ENDED_BY_WORKER', outcome: 'GOALS_MET' });
      expect(await outbox('HousingSupportPeriodEnded', clientId)).toEqual([{ periodId, clientId, outcome: 'GOALS_MET', endedOn: today }]);
      // An ended period cannot end again: CONFLICT, and no second event.
      expect((await gql(END, { input: { periodId, endedOn: today, outcome: 'NOT_MET' } })).errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await outbox('HousingSupportPeriodEnded', clientId)).toHaveLength(1);
    });

    it('CaseClosed ends the open periods of the case, with outcome CASE_CLOSED', async () => {
      const active = await activePeriod();
      const planning = await openedPeriod(active.clientId, { caseId: active.caseId });
      const otherCase = await openedPeriod(active.clientId);
      await produceCaseEvent('CaseClosed', active.clientId, {
        caseId: active.caseId,
        clientId: active.clientId,
        serviceTask: 'ADULT_SOCIAL_WORK',
        reason: 'NO_BASIS_FOR_SERVICES',
        closedAt: new Date().toISOString(),
        clientHasOtherOpenCases: true,
      });
      await eventually(async () => expect(await count(`housing_support_period WHERE case_id = $1 AND status = 'ENDED' AND end_cause = 'CASE_CLOSED'`, [active.caseId])).toBe(2));
      expect(await count(`housing_support_period WHERE id = $1 AND status = 'PLANNING'`, [otherCase.periodId])).toBe(1);
      const ended = await outbox('HousingSupportPeriodEnded', active.clientId);
      expect(ended.map((p: any) => p.periodId).sort()).toEqual([active.periodId, planning.periodId].sort());
      expect(ended.every((p: any) => p.outcome === 'CASE_CLOSED' && p.endedOn === today)).toBe(true);
    });

    it('a period ends on its end date: the daily run ends running periods whose term is over', async () => {
      const { periodId, clientId } = await activePeriod();
      await service.dataSource.query(`UPDATE housing_support_period SET starts_on = $2, ends_on = $3 WHERE id = $1`, [periodId, addDays(today, -60), addDays(today, -1)]);
      const ended = await service.app.get(SupportPeriodCommands).endExpired(today);
      expect(ended).toBeGreaterThanOrEqual(1);
      const [row] = await service.dataSource.query(`SELECT status, ended_on, end_cause FROM housing_support_period WHERE id = $1`, [periodId]);
      expect(row).toEqual({ status: 'ENDED', ended_on: addDays(today, -1), end_cause: 'TERM_EXPIRED' });
      expect(await outbox('HousingSupportPeriodEnded', clientId)).toEqual([{ periodId, clientId, outcome: 'TERM_EXPIRED', endedOn: addDays(today, -1) }]);

      // The worker records the outcome afterwards.
      const OUTCOME = `mutation($input: RecordHousingSupportOutcomeInput!) { recordHousingSupportOutcome(input: $input) { status endCause outcome } }`;
      const recorded = await gql(OUTCOME, { input: { periodId, outcome: 'PARTLY_MET' } });
      expect(recorded.data.recordHousingSupportOutcome).toEqual({ status: 'ENDED', endCause: 'TERM_EXPIRED', outcome: 'PARTLY_MET' });
    });

    it('refuses an outcome for a period that still runs (CONFLICT), writing nothing', async () => {
      const { periodId } = await activePeriod();
      const OUTCOME = `mutation($input: RecordHousingSupportOutcomeInput!) { recordHousingSupportOutcome(input: $input) { outcome } }`;
      expect((await gql(OUTCOME, { input: { periodId, outcome: 'GOALS_MET' } })).errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await count(`housing_support_period WHERE id = $1 AND status = 'ACTIVE' AND outcome IS NULL`, [periodId])).toBe(1);
    });
  });

  describe('support visits', () => {
    const RECORD = `mutation($input: RecordSupportVisitInput!) { recordSupportVisit(input: $input) { id visitedOn durationMinutes guidanceAreas workerId workerRole } }`;
    const VISITS = `query($id: ID!) { housingSupportPeriod(id: $id) { visits { planned done { visitedOn } missed } } }`;

    it('a done visit is recorded and published as SupportVisitDone (a HOME_VISIT contact in case); planned and missed visits show', async () => {
      const { periodId, clientId } = await activePeriod();
      const visitedOn = addDays(today, -1);
      const response = await gql(RECORD, { input: { periodId, visitedOn, durationMinutes: 45, guidanceAreas: ['LOOKING_AFTER_THE_HOME', 'OWN_WELLBEING'] } });
      expect(response.errors).toBeUndefined();
      const visit = response.data.recordSupportVisit;
      expect(visit).toMatchObject({ visitedOn, durationMinutes: 45, workerId: 'instructor-1', workerRole: 'SOCIAL_INSTRUCTOR' });
      expect(await outbox('SupportVisitDone', clientId)).toEqual([
        {
          visitId: visit.id,
          periodId,
          clientId,
          visitedOn,
          durationMinutes: 45,
          guidanceAreas: ['LOOKING_AFTER_THE_HOME', 'OWN_WELLBEING'],
          performedBy: { workerId: 'instructor-1', workerRole: 'SOCIAL_INSTRUCTOR' },
        },
      ]);
      await eventually(() => expect(housingTopic.received.some((r) => r.envelope.type === 'SupportVisitDone' && r.key === clientId)).toBe(true));

      const visits = (await gql(VISITS, { id: periodId })).data.housingSupportPeriod.visits;
      // Weekly Tuesdays from 14 days ago: two or three planned so far; the ones over three days past with no visit are missed.
      expect(visits.planned.length).toBeGreaterThan(20);
      expect(visits.done).toEqual([{ visitedOn }]);
      expect(visits.missed.every((date: string) => date < addDays(today, -3))).toBe(true);
    });

    it.each([
      { name: 'a visit in the future', change: { visitedOn: addDays(todayInFinland(), 1) }, code: 'BAD_USER_INPUT' },
      { name: 'a visit before the period', change: { visitedOn: addDays(todayInFinland(), -30) }, code: 'BAD_USER_INPUT' },
      { name: 'no guidance area', change: { guidanceAreas: [] }, code: 'BAD_USER_INPUT' },
      { name: 'a negative duration', change: { durationMinutes: -5 }, code: 'BAD_USER_INPUT' },
      { name: 'an unknown period (answered as one out of reach)', change: { periodId: randomUUID() }, code: 'FORBIDDEN' },
    ])('refuses $name ($code): no visit row, no event', async ({ change, code }) => {
      const { periodId, clientId } = await activePeriod();
      const response = await gql(RECORD, { input: { periodId, visitedOn: today, durationMinutes: 30, guidanceAreas: ['OWN_WELLBEING'], ...change } });
      expect(response.errors?.[0].extensions?.code).toBe(code);
      expect(await count(`support_visit WHERE client_id = $1`, [clientId])).toBe(0);
      expect(await outbox('SupportVisitDone', clientId)).toEqual([]);
    });

    it('refuses a visit in a period still being planned (CONFLICT)', async () => {
      const { periodId, clientId } = await openedPeriod();
      const response = await gql(RECORD, { input: { periodId, visitedOn: today, durationMinutes: 30, guidanceAreas: ['OWN_WELLBEING'] } });
      expect(response.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await outbox('SupportVisitDone', clientId)).toEqual([]);
    });
  });

  describe('välitystili and sublease', () => {
    const OPEN = `mutation($input: OpenPaymentIntermediaryAccountInput!) { openPaymentIntermediaryAccount(input: $input) { id status openedOn } }`;
    const CLOSE = `mutation($input: ClosePaymentIntermediaryAccountInput!) { closePaymentIntermediaryAccount(input: $input) { id status closedOn } }`;
    const START_SUBLEASE = `mutation($input: StartSubleaseInput!) { startSublease(input: $input) { id status accountId address monthlyRentCents } }`;
    const END_SUBLEASE = `mutation($input: EndSubleaseInput!) { endSublease(input: $input) { id status endedOn } }`;
    const subleaseInput = (clientId: string) => ({ clientId, startsOn: today, address: 'Kauppakatu 1 A 2, Lahti', monthlyRentCents: 65_000 });

    it('a sublease without an active välitystili is refused with a clear CONFLICT, nothing written', async () => {
      const clientId = await relatedClient();
      const response = await gql(START_SUBLEASE, { input: subleaseInput(clientId) });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', details: { reason: 'NO_ACTIVE_INTERMEDIARY_ACCOUNT' } });
      expect(response.errors?.[0].message).toMatch(/välitystili/);
      expect(await count(`sublease WHERE client_id = $1`, [clientId])).toBe(0);
      expect(await outbox('SubleaseStarted', clientId)).toEqual([]);
    });

    it('open välitystili → sublease runs → closing the välitystili is refused → end sublease → close', async () => {
      const clientId = await relatedClient();
      const account = (await gql(OPEN, { input: { clientId, openedOn: today } })).data.openPaymentIntermediaryAccount;
      expect(account).toMatchObject({ status: 'ACTIVE', openedOn: today });
      const second = await gql(OPEN, { input: { clientId, openedOn: today } });
      expect(second.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', details: { reason: 'ACCOUNT_ALREADY_OPEN' } });

      const sublease = (await gql(START_SUBLEASE, { input: subleaseInput(clientId) })).data.startSublease;
      expect(sublease).toMatchObject({ status: 'ACTIVE', accountId: account.id, monthlyRentCents: 65_000 });
      const another = await gql(START_SUBLEASE, { input: subleaseInput(clientId) });
      expect(another.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', details: { reason: 'SUBLEASE_ALREADY_ACTIVE' } });

      const refused = await gql(CLOSE, { input: { accountId: account.id, closedOn: today } });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', details: { reason: 'SUBLEASE_RUNNING' } });
      expect(await count(`payment_intermediary_account WHERE id = $1 AND status = 'ACTIVE'`, [account.id])).toBe(1);

      expect((await gql(END_SUBLEASE, { input: { subleaseId: sublease.id, endedOn: today } })).data.endSublease).toMatchObject({ status: 'ENDED', endedOn: today });
      expect((await gql(END_SUBLEASE, { input: { subleaseId: sublease.id, endedOn: today } })).errors?.[0].extensions?.code).toBe('CONFLICT');
      expect((await gql(CLOSE, { input: { accountId: account.id, closedOn: today } })).data.closePaymentIntermediaryAccount).toMatchObject({ status: 'CLOSED', closedOn: today });
      const closedAgain = await gql(CLOSE, { input: { accountId: account.id, closedOn: today } });
      expect(closedAgain.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', details: { reason: 'ACCOUNT_NOT_ACTIVE' } });

      // Each change announced once, the refused ones not at all; the flat's address stays here.
      const by = { workerId: 'instructor-1', workerRole: 'SOCIAL_INSTRUCTOR' };
      expect(await outbox('PaymentIntermediaryAccountOpened', clientId)).toEqual([{ accountId: account.id, clientId, openedOn: today, openedBy: by }]);
      expect(await outbox('SubleaseStarted', clientId)).toEqual([{ subleaseId: sublease.id, clientId, accountId: account.id, startsOn: today, monthlyRentCents: 65_000, startedBy: by }]);
      expect(await outbox('SubleaseEnded', clientId)).toEqual([{ subleaseId: sublease.id, clientId, accountId: account.id, endedOn: today, endedBy: by }]);
      expect(await outbox('PaymentIntermediaryAccountClosed', clientId)).toEqual([{ accountId: account.id, clientId, closedOn: today, closedBy: by }]);
    });

    it('closing the välitystili and starting a sublease at the same moment never leave a sublease without an account', async () => {
      const clientId = await relatedClient();
      const account = (await gql(OPEN, { input: { clientId, openedOn: today } })).data.openPaymentIntermediaryAccount;
      const [closed, started] = await Promise.all([
        gql(CLOSE, { input: { accountId: account.id, closedOn: today } }),
        gql(START_SUBLEASE, { input: subleaseInput(clientId) }),
      ]);
      // Whichever ran first wins; the other is refused with the invariant's reason.
      const outcomes = [closed.errors?.[0].extensions?.details, started.errors?.[0].extensions?.details].filter(Boolean);
      expect(outcomes).toHaveLength(1);
      const [{ active_subleases, active_accounts }] = await service.dataSource.query(
        `SELECT (SELECT count(*)::int FROM sublease WHERE client_id = $1 AND status = 'ACTIVE') AS active_subleases,
                (SELECT count(*)::int FROM payment_intermediary_account WHERE client_id = $1 AND status = 'ACTIVE') AS active_accounts`,
        [clientId],
      );
      expect(active_subleases === 0 || active_accounts === 1).toBe(true);
    });

    it.each([
      { name: 'an empty address', change: { address: '  ' } },
      { name: 'zero rent', change: { monthlyRentCents: 0 } },
    ])('refuses a sublease with $name (BAD_USER_INPUT), nothing written', async ({ change }) => {
      const clientId = await relatedClient();
      await gql(OPEN, { input: { clientId, openedOn: today } });
      const response = await gql(START_SUBLEASE, { input: { ...subleaseInput(clientId), ...change } });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await count(`sublease WHERE client_id = $1`, [clientId])).toBe(0);
      expect(await outbox('SubleaseStarted', clientId)).toEqual([]);
    });
  });

  describe('rent arrears', () => {
    const REPORT = `mutation($input: ReportRentArrearsInput!) { reportRentArrears(input: $input) { id amountCents landlord months reportedOn } }`;
    const AGREE = `mutation($input: AgreeRepaymentPlanInput!) { agreeRepaymentPlan(input: $input) { id repaymentPlan { status plannedCents instalments { dueOn amountCents } } } }`;
    const PAY = `mutation($input: RecordRepaymentInput!) { recordRepayment(input: $input) { repaymentPlan { status paidCents remainingCents } } }`;

    it('reporting publishes RentArrearsReported for benefits-handling; a plan clears it exactly; payments follow its status', async () => {
      const clientId = await relatedClient();
      const reported = await gql(REPORT, { input: { clientId, amountCents: 120_000, landlord: ' Lahden  Talot Oy ', months: 2 } });
      expect(reported.errors).toBeUndefined();
      const arrears = reported.data.reportRentArrears;
      expect(arrears).toMatchObject({ amountCents: 120_000, landlord: 'Lahden Talot Oy', months: 2, reportedOn: today });
      expect(await outbox('RentArrearsReported', clientId)).toEqual([
        { rentArrearsId: arrears.id, clientId, amountCents: 120_000, months: 2, reportedOn: today, reportedBy: { workerId: 'instructor-1', workerRole: 'SOCIAL_INSTRUCTOR' } },
      ]);
      await eventually(() => expect(housingTopic.received.some((r) => r.envelope.type === 'RentArrearsReported' && r.key === clientId)).toBe(true));

      const notAdding = await gql(AGREE, { input: { rentArrearsId: arrears.id, instalments: [{ dueOn: addDays(today, 30), amountCents: 100_000 }] } });
      expect(notAdding.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await count(`repayment_instalment WHERE arrears_id = $1`, [arrears.id])).toBe(0);
      expect(await outbox('RepaymentPlanAgreed', clientId)).toEqual([]);

      const instalments = [
        { dueOn: addDays(today, 30), amountCents: 60_000 },
        { dueOn: addDays(today, 60), amountCents: 60_000 },
      ];
      const agreed = await gql(AGREE, { input: { rentArrearsId: arrears.id, instalments } });
      expect(agreed.data.agreeRepaymentPlan.repaymentPlan).toEqual({ status: 'ON_TRACK', plannedCents: 120_000, instalments });
      expect((await gql(AGREE, { input: { rentArrearsId: arrears.id, instalments } })).errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await outbox('RepaymentPlanAgreed', clientId)).toEqual([
        { rentArrearsId: arrears.id, clientId, instalments, agreedAt: expect.any(String), agreedBy: { workerId: 'instructor-1', workerRole: 'SOCIAL_INSTRUCTOR' } },
      ]);

      const paid = await gql(PAY, { input: { rentArrearsId: arrears.id, paidOn: today, amountCents: 60_000 } });
      expect(paid.data.recordRepayment.repaymentPlan).toEqual({ status: 'ON_TRACK', paidCents: 60_000, remainingCents: 60_000 });
      const tooMuch = await gql(PAY, { input: { rentArrearsId: arrears.id, paidOn: today, amountCents: 60_001 } });
      expect(tooMuch.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const rest = await gql(PAY, { input: { rentArrearsId: arrears.id, paidOn: today, amountCents: 60_000 } });
      expect(rest.data.recordRepayment.repaymentPlan).toEqual({ status: 'COMPLETED', paidCents: 120_000, remainingCents: 0 });

      // Käyttöloki: every change of the client's arrears is in the access log, with who and on what basis.
      const logged = await service.dataSource.query(
        `SELECT actor_id, action, categories, basis, outcome FROM access_log WHERE client_id = $1 AND outcome = 'ALLOWED' ORDER BY id`,
        [clientId],
      );
      expect(logged.length).toBeGreaterThanOrEqual(4);
      expect(logged[0]).toEqual({ actor_id: 'instructor-1', action: 'CHANGE', categories: ['housing-support:rentArrears'], basis: 'relationship:NAMED_WORKER', outcome: 'ALLOWED' });
    });

    it.each([
      { name: 'zero cents', change: { amountCents: 0 } },
      { name: 'an empty landlord', change: { landlord: ' ' } },
      { name: 'zero months', change: { months: 0 } },
      { name: 'a client id that is not a UUID', change: { clientId: '123' } },
    ])('refuses a report with $name: BAD_USER_INPUT, no row, no event', async ({ change }) => {
      const clientId = await relatedClient();
      const response = await gql(REPORT, { input: { clientId, amountCents: 50_000, landlord: 'Vuokranantaja Oy', months: 1, ...change } });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await count(`rent_arrears WHERE client_id = $1`, [clientId])).toBe(0);
      expect(await outbox('RentArrearsReported', clientId)).toEqual([]);
    });
  });

  describe('client relationships (PRODUCT.md "Who may do what")', () => {
    const STRANGER_ID = 'instructor-2';
    let stranger: Record<string, string>;
    beforeAll(async () => {
      stranger = await gatewayHeaders(worker(STRANGER_ID, 'SOCIAL_INSTRUCTOR'));
    });
    const accessOf = (actorId: string, clientId: string) =>
      service.dataSource.query(`SELECT action, categories, basis, outcome FROM access_log WHERE actor_id = $1 AND client_id = $2 ORDER BY id`, [actorId, clientId]);
    const PERIOD = `query($id: ID!) { housingSupportPeriod(id: $id) { id goals { text } } }`;

    /** Everything of one client's, as the database holds it: a refused change must leave all of it as it was. */
    const everythingOf = (clientId: string) =>
      service.dataSource.query(
        `SELECT (SELECT json_agg(p ORDER BY p.id) FROM housing_support_period p WHERE p.client_id = $1) AS periods,
                (SELECT count(*)::int FROM support_visit WHERE client_id = $1) AS visits,
                (SELECT json_agg(a ORDER BY a.id) FROM payment_intermediary_account a WHERE a.client_id = $1) AS accounts,
                (SELECT json_agg(s ORDER BY s.id) FROM sublease s WHERE s.client_id = $1) AS subleases,
                (SELECT json_agg(r ORDER BY r.id) FROM rent_arrears r WHERE r.client_id = $1) AS arrears,
                (SELECT count(*)::int FROM repayment_instalment i JOIN rent_arrears r ON r.id = i.arrears_id WHERE r.client_id = $1) AS instalments,
                (SELECT count(*)::int FROM repayment_payment x JOIN rent_arrears r ON r.id = x.arrears_id WHERE r.client_id = $1) AS payments,
                (SELECT count(*)::int FROM outbox WHERE message_key = $2) AS events`,
        [clientId, clientId],
      );

    it('a period by id: a worker without a relationship is refused (FORBIDDEN), nothing returned, the refusal logged; the named worker reads it on that basis', async () => {
      const { periodId, clientId } = await activePeriod();
      const refused = await gql(PERIOD, { id: periodId }, stranger);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(refused.data?.housingSupportPeriod ?? null).toBeNull();
      expect(await accessOf(STRANGER_ID, clientId)).toEqual([{ action: 'READ', categories: ['housing-support:housingSupport'], basis: 'no client relationship', outcome: 'REFUSED' }]);

      const own = await gql(PERIOD, { id: periodId });
      expect(own.errors).toBeUndefined();
      expect(own.data.housingSupportPeriod.id).toBe(periodId);
      expect(await accessOf(INSTRUCTOR_ID, clientId)).toContainEqual({ action: 'READ', categories: ['housing-support:housingSupport'], basis: 'relationship:NAMED_WORKER', outcome: 'ALLOWED' });
    });

    it('every mutation naming a period, arrears, account, sublease or client is refused without a relationship: FORBIDDEN, nothing written, nothing announced, each refusal logged', async () => {
      const active = await activePeriod();
      const clientId = active.clientId;
      const planned = await openedPeriod(clientId);
      expect((await gql(PLAN, { input: plan(planned.periodId) })).errors).toBeUndefined();
      const account = (await gql(`mutation($input: OpenPaymentIntermediaryAccountInput!) { openPaymentIntermediaryAccount(input: $input) { id } }`, { input: { clientId, openedOn: today } })).data
        .openPaymentIntermediaryAccount;
      const sublease = (await gql(`mutation($input: StartSubleaseInput!) { startSublease(input: $input) { id } }`, { input: { clientId, startsOn: today, address: 'Kauppakatu 1', monthlyRentCents: 50_000 } }))
        .data.startSublease;
      const REPORT = `mutation($input: ReportRentArrearsInput!) { reportRentArrears(input: $input) { id } }`;
      const withPlan = (await gql(REPORT, { input: { clientId, amountCents: 10_000, landlord: 'Vuokranantaja Oy', months: 1 } })).data.reportRentArrears;
      const withoutPlan = (await gql(REPORT, { input: { clientId, amountCents: 20_000, landlord: 'Vuokranantaja Oy', months: 1 } })).data.reportRentArrears;
      const instalments = [{ dueOn: addDays(today, 30), amountCents: 10_000 }];
      expect((await gql(`mutation($input: AgreeRepaymentPlanInput!) { agreeRepaymentPlan(input: $input) { id } }`, { input: { rentArrearsId: withPlan.id, instalments } })).errors).toBeUndefined();
      const before = await everythingOf(clientId);

      const attempts: Array<[string, Record<string, unknown>]> = [
        [PLAN, { input: plan(planned.periodId, { goals: [{ area: 'OWN_WELLBEING', text: 'Vieras tavoite' }] }) }],
        [START, { id: planned.periodId }],
        [`mutation($input: EndHousingSupportPeriodInput!) { endHousingSupportPeriod(input: $input) { id } }`, { input: { periodId: active.periodId, endedOn: today, outcome: 'GOALS_MET' } }],
        [`mutation($input: RecordHousingSupportOutcomeInput!) { recordHousingSupportOutcome(input: $input) { id } }`, { input: { periodId: active.periodId, outcome: 'GOALS_MET' } }],
        [`mutation($input: RecordSupportVisitInput!) { recordSupportVisit(input: $input) { id } }`, { input: { periodId: active.periodId, visitedOn: today, durationMinutes: 30, guidanceAreas: ['OWN_WELLBEING'] } }],
        [`mutation($input: EndSubleaseInput!) { endSublease(input: $input) { id } }`, { input: { subleaseId: sublease.id, endedOn: today } }],
        [`mutation($input: ClosePaymentIntermediaryAccountInput!) { closePaymentIntermediaryAccount(input: $input) { id } }`, { input: { accountId: account.id, closedOn: today } }],
        [`mutation($input: OpenPaymentIntermediaryAccountInput!) { openPaymentIntermediaryAccount(input: $input) { id } }`, { input: { clientId, openedOn: today } }],
        [`mutation($input: StartSubleaseInput!) { startSublease(input: $input) { id } }`, { input: { clientId, startsOn: today, address: 'Toinen katu 2', monthlyRentCents: 40_000 } }],
        [REPORT, { input: { clientId, amountCents: 30_000, landlord: 'Vuokranantaja Oy', months: 1 } }],
        [`mutation($input: AgreeRepaymentPlanInput!) { agreeRepaymentPlan(input: $input) { id } }`, { input: { rentArrearsId: withoutPlan.id, instalments: [{ dueOn: addDays(today, 30), amountCents: 20_000 }] } }],
        [`mutation($input: RecordRepaymentInput!) { recordRepayment(input: $input) { id } }`, { input: { rentArrearsId: withPlan.id, paidOn: today, amountCents: 5_000 } }],
      ];
      for (const [query, variables] of attempts) {
        const response = await gql(query, variables, stranger);
        expect({ query, code: response.errors?.[0].extensions?.code, data: response.data ?? null }).toEqual({ query, code: 'FORBIDDEN', data: null });
      }
      expect(await everythingOf(clientId)).toEqual(before);
      const logged = await accessOf(STRANGER_ID, clientId);
      expect(logged).toHaveLength(attempts.length);
      expect(logged.every((entry: any) => entry.action === 'CHANGE' && entry.outcome === 'REFUSED' && entry.basis === 'no client relationship')).toBe(true);
    });

    it('the list of periods leaves out clients the caller has no relationship with', async () => {
      const mine = await openedPeriod();
      const others = randomUUID();
      const othersPeriod = randomUUID();
      await service.dataSource.query(`INSERT INTO housing_support_period (id, client_id, decision_id, case_id, status) VALUES ($1, $2, $3, $4, 'PLANNING')`, [
        othersPeriod,
        others,
        randomUUID(),
        randomUUID(),
      ]);
      const LIST = `query { housingSupportPeriods(status: PLANNING) { id } }`;
      const ids = async (as: Record<string, string>) => {
        const response = await gql(LIST, {}, as);
        expect(response.errors).toBeUndefined();
        return response.data.housingSupportPeriods.map((period: { id: string }) => period.id);
      };
      // Once the case closed, its named worker no longer lists the client's periods.
      const closed = await relate(randomUUID(), { open: false });
      const closedPeriod = randomUUID();
      await service.dataSource.query(`INSERT INTO housing_support_period (id, client_id, decision_id, case_id, status) VALUES ($1, $2, $3, $4, 'PLANNING')`, [
        closedPeriod,
        closed,
        randomUUID(),
        randomUUID(),
      ]);
      const own = await ids(headers);
      expect(own).toContain(mine.periodId);
      expect(own).not.toContain(othersPeriod);
      expect(own).not.toContain(closedPeriod);
      const strangers = await ids(stranger);
      expect(strangers).not.toContain(mine.periodId);
      expect(strangers).not.toContain(othersPeriod);
      const supervisor = await ids(await gatewayHeaders(worker('lead-1', 'SUPERVISOR')));
      expect(supervisor).toContain(mine.periodId);
      expect(supervisor).not.toContain(othersPeriod);
      expect(await accessOf(INSTRUCTOR_ID, mine.clientId)).toContainEqual({ action: 'READ', categories: ['housing-support:housingSupport'], basis: 'relationship:NAMED_WORKER', outcome: 'ALLOWED' });
      expect(await count(`access_log WHERE client_id = $1`, [others])).toBe(0);
    });

    it('Client fields of a client the caller has no relationship with are refused (FORBIDDEN) and the refusal logged', async () => {
      const { clientId } = await activePeriod();
      const response = await resolveClients(service.url, stranger, [clientId], 'id housingSupport { id } rentArrears { id }');
      // Each field fails on its own path (issue #15): FORBIDDEN on both, nothing of either returned.
      expect(response.errors?.map((error) => [error.extensions?.code, error.path?.slice(-1)[0]])).toEqual(
        expect.arrayContaining([['FORBIDDEN', 'housingSupport'], ['FORBIDDEN', 'rentArrears']]),
      );
      expect(response.data?._entities).toEqual([{ id: clientId, housingSupport: null, rentArrears: null }]);
      expect(await accessOf(STRANGER_ID, clientId)).toEqual(expect.arrayContaining([
        { action: 'READ', categories: ['housing-support:housingSupport'], basis: 'no client relationship', outcome: 'REFUSED' },
        { action: 'READ', categories: ['housing-support:rentArrears'], basis: 'no client relationship', outcome: 'REFUSED' },
      ]));
    });

    it.each([
      { name: 'a co-worker of an open case', relation: { namedWorker: 'sw-9', coWorkers: [STRANGER_ID] }, as: () => worker(STRANGER_ID, 'SOCIAL_INSTRUCTOR'), basis: 'relationship:CO_WORKER' },
      { name: 'the supervisor of the case’s team, also once it closed', relation: { open: false }, as: () => worker('lead-1', 'SUPERVISOR'), basis: 'relationship:TEAM_SUPERVISOR' },
      { name: 'the named worker once the case closed', relation: { open: false }, as: () => INSTRUCTOR, basis: null },
      { name: 'a supervisor of another team', relation: {}, as: () => worker('lead-2', 'SUPERVISOR', 'team-other'), basis: null },
    ])('$name (expected basis: $basis)', async ({ relation, as, basis }) => {
      const clientId = randomUUID();
      const periodId = randomUUID();
      await relate(clientId, relation);
      await service.dataSource.query(`INSERT INTO housing_support_period (id, client_id, decision_id, case_id, status) VALUES ($1, $2, $3, $4, 'PLANNING')`, [periodId, clientId, randomUUID(), randomUUID()]);
      const caller = as();
      const response = await gql(PERIOD, { id: periodId }, await gatewayHeaders(caller));
      const [entry] = await accessOf(caller.userId, clientId);
      if (basis) {
        expect(response.errors).toBeUndefined();
        expect(entry).toEqual({ action: 'READ', categories: ['housing-support:housingSupport'], basis, outcome: 'ALLOWED' });
      } else {
        expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect(entry).toMatchObject({ outcome: 'REFUSED' });
      }
    });

    it('access follows CaseRelationshipsChanged from case: granted when a worker joins the case, gone when it closes', async () => {
      const { periodId, clientId } = await activePeriod();
      const caseId = randomUUID();
      const snapshot = (open: boolean) => ({ caseId, clientId, team: 'team-test', open, namedWorker: 'sw-1', coWorkers: [STRANGER_ID], changedAt: new Date().toISOString() });
      expect((await gql(PERIOD, { id: periodId }, stranger)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      await produceCaseEvent('CaseRelationshipsChanged', clientId, snapshot(true));
      await eventually(async () => expect((await gql(PERIOD, { id: periodId }, stranger)).errors).toBeUndefined());
      await produceCaseEvent('CaseRelationshipsChanged', clientId, snapshot(false));
      await eventually(async () => expect((await gql(PERIOD, { id: periodId }, stranger)).errors?.[0].extensions?.code).toBe('FORBIDDEN'));
    });
  });

  describe('correlation', () => {
    it('every event a request causes carries that request’s correlation id', async () => {
      const correlationId = randomUUID();
      const as = { ...headers, [CORRELATION_ID_HEADER]: correlationId };
      const { periodId, clientId } = await openedPeriod();
      const steps: Array<[string, Record<string, unknown>]> = [
        [PLAN, { input: plan(periodId) }],
        [START, { id: periodId }],
        [`mutation($input: RecordSupportVisitInput!) { recordSupportVisit(input: $input) { id } }`, { input: { periodId, visitedOn: today, durationMinutes: 30, guidanceAreas: ['OWN_WELLBEING'] } }],
        [`mutation($input: EndHousingSupportPeriodInput!) { endHousingSupportPeriod(input: $input) { id } }`, { input: { periodId, endedOn: today, outcome: 'GOALS_MET' } }],
        [`mutation($input: OpenPaymentIntermediaryAccountInput!) { openPaymentIntermediaryAccount(input: $input) { id } }`, { input: { clientId, openedOn: today } }],
      ];
      for (const [query, variables] of steps) expect((await gql(query, variables, as)).errors).toBeUndefined();
      const account = await service.dataSource.query(`SELECT id FROM payment_intermediary_account WHERE client_id = $1`, [clientId]);
      const sublease = (await gql(`mutation($input: StartSubleaseInput!) { startSublease(input: $input) { id } }`, { input: { clientId, startsOn: today, address: 'Katu 1', monthlyRentCents: 40_000 } }, as)).data
        .startSublease;
      expect((await gql(`mutation($input: EndSubleaseInput!) { endSublease(input: $input) { id } }`, { input: { subleaseId: sublease.id, endedOn: today } }, as)).errors).toBeUndefined();
      expect((await gql(`mutation($input: ClosePaymentIntermediaryAccountInput!) { closePaymentIntermediaryAccount(input: $input) { id } }`, { input: { accountId: account[0].id, closedOn: today } }, as)).errors).toBeUndefined();
      const arrears = (await gql(`mutation($input: ReportRentArrearsInput!) { reportRentArrears(input: $input) { id } }`, { input: { clientId, amountCents: 10_000, landlord: 'Vuokranantaja Oy', months: 1 } }, as)).data
        .reportRentArrears;
      expect(
        (await gql(`mutation($input: AgreeRepaymentPlanInput!) { agreeRepaymentPlan(input: $input) { id } }`, { input: { rentArrearsId: arrears.id, instalments: [{ dueOn: addDays(today, 30), amountCents: 10_000 }] } }, as)).errors,
      ).toBeUndefined();

      const rows: Array<{ event_type: string; correlation_id: string }> = await service.dataSource.query(
        `SELECT event_type, envelope->>'correlationId' AS correlation_id FROM outbox WHERE message_key = $1 AND event_type <> 'HousingSupportPeriodOpened' ORDER BY seq`,
        [clientId],
      );
      expect(rows.map((row) => row.event_type)).toEqual([
        'HousingSupportPeriodPlanned',
        'HousingSupportPeriodStarted',
        'SupportVisitDone',
        'HousingSupportPeriodEnded',
        'PaymentIntermediaryAccountOpened',
        'SubleaseStarted',
        'SubleaseEnded',
        'PaymentIntermediaryAccountClosed',
        'RentArrearsReported',
        'RepaymentPlanAgreed',
      ]);
      expect(rows.every((row) => row.correlation_id === correlationId)).toBe(true);
    });
  });

  describe('Client fields', () => {
    it('extends Client with housingSupport, rentArrears, accounts and subleases; each table read once per request level', async () => {
      const [a, b, none] = [await relatedClient(), await relatedClient(), await relatedClient()];
      await service.dataSource.query(
        `INSERT INTO housing_support_period (id, client_id, decision_id, case_id, status, starts_on, ends_on, opened_at, ended_on, end_cause, outcome) VALUES
          ($1, $4, $6, $9, 'ENDED', '2025-01-01', '2025-06-30', '2025-01-01T08:00:00Z', '2025-06-30', 'TERM_EXPIRED', NULL),
          ($2, $4, $7, $9, 'ACTIVE', '2026-01-01', '2026-12-31', '2026-01-01T08:00:00Z', NULL, NULL, NULL),
          ($3, $5, $8, $9, 'PLANNING', NULL, NULL, '2026-02-01T08:00:00Z', NULL, NULL, NULL)`,
        [randomUUID(), randomUUID(), randomUUID(), a, b, randomUUID(), randomUUID(), randomUUID(), randomUUID()],
      );
      for (const clientId of [a, b]) {
        await gql(`mutation($input: ReportRentArrearsInput!) { reportRentArrears(input: $input) { id } }`, {
          input: { clientId, amountCents: 10_000, landlord: 'Vuokranantaja Oy', months: 1 },
        });
      }
      const selection = 'id housingSupport { status startsOn endsOn visits { done { id } } } rentArrears { amountCents repaymentPlan { status } } paymentIntermediaryAccounts { id } subleases { id }';
      const counts: Record<string, number> = {};
      let response: any;
      for (const table of ['housing_support_period', 'support_visit', 'rent_arrears', 'payment_intermediary_account', 'sublease']) {
        counts[table] = await countQueriesOn(table, async () => {
          response = await resolveClients(service.url, headers, [a, b, none], selection);
        });
      }
      expect(response.errors).toBeUndefined();
      expect(response.data._entities).toEqual([
        {
          id: a,
          housingSupport: [
            { status: 'ACTIVE', startsOn: '2026-01-01', endsOn: '2026-12-31', visits: { done: [] } },
            { status: 'ENDED', startsOn: '2025-01-01', endsOn: '2025-06-30', visits: { done: [] } },
          ],
          rentArrears: [{ amountCents: 10_000, repaymentPlan: null }],
          paymentIntermediaryAccounts: [],
          subleases: [],
        },
        { id: b, housingSupport: [{ status: 'PLANNING', startsOn: null, endsOn: null, visits: { done: [] } }], rentArrears: [{ amountCents: 10_000, repaymentPlan: null }], paymentIntermediaryAccounts: [], subleases: [] },
        { id: none, housingSupport: [], rentArrears: [], paymentIntermediaryAccounts: [], subleases: [] },
      ]);
      expect(counts).toEqual({ housing_support_period: 1, support_visit: 1, rent_arrears: 1, payment_intermediary_account: 1, sublease: 1 });
    });

    it('refuses callers without a housing-work role (FORBIDDEN) and calls without gateway identity (UNAUTHENTICATED)', async () => {
      const handler = await gatewayHeaders(worker('handler-1', 'BENEFITS_HANDLER'));
      const clientId = randomUUID();
      const forbidden = await gql(`mutation($input: ReportRentArrearsInput!) { reportRentArrears(input: $input) { id } }`, {
        input: { clientId, amountCents: 10_000, landlord: 'Vuokranantaja Oy', months: 1 },
      }, handler);
      expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await count(`rent_arrears WHERE client_id = $1`, [clientId])).toBe(0);

      const anonymous = await resolveClients(service.url, {}, [randomUUID()], 'id housingSupport { status }');
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(anonymous.data).toBeUndefined();
    });

    it('refuses a period that ends before it starts (database constraint)', async () => {
      await expect(
        service.dataSource.query(
          `INSERT INTO housing_support_period (id, client_id, decision_id, case_id, status, starts_on, ends_on) VALUES ($1, $2, $3, $4, 'ACTIVE', '2026-05-01', '2026-04-01')`,
          [randomUUID(), randomUUID(), randomUUID(), randomUUID()],
        ),
      ).rejects.toThrow(/check constraint/);
    });

    it('reports readiness with its database and Kafka up', async () => {
      const response = await fetch(service.url.replace('/graphql', '/health/ready'));
      expect(response.status).toBe(200);
    });
  });
});
