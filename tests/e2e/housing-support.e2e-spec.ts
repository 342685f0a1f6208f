import type { Identity } from '@asw/auth';
import { addDays, todayInFinland } from '@asw/calendar';
import { eventually } from '@asw/testing';
import { caseWithGrantedDecision, ok as request, registerClient, TestWorker, testIdentityCode } from '../support/case-steps';
import { RunningGraph, startGraph } from '../support/graph.harness';

// Plain-language description: housing-support.feature.md beside this file.
const SOCIAL_WORKER: Identity = { kind: 'user', userId: 'sw-e2e-housing', roles: ['SOCIAL_WORKER'], team: 'team-e2e', organisation: 'test-county' };
const INSTRUCTOR: Identity = { kind: 'user', userId: 'instructor-e2e-housing', roles: ['SOCIAL_INSTRUCTOR'], team: 'team-e2e', organisation: 'test-county' };
const SUPERVISOR: Identity = { kind: 'user', userId: 'lead-e2e-housing', roles: ['SUPERVISOR'], team: 'team-e2e', organisation: 'test-county' };
/** A housing worker of the same team who works on none of these clients' cases. */
const OTHER_INSTRUCTOR: Identity = { kind: 'user', userId: 'instructor-e2e-other', roles: ['SOCIAL_INSTRUCTOR'], team: 'team-e2e', organisation: 'test-county' };
const INSTRUCTOR_WORKER: TestWorker = { userId: 'instructor-e2e-housing', name: 'Iida Ohjaaja', role: 'SOCIAL_INSTRUCTOR', team: 'team-e2e' };

describe('housing support through the gateway: decision → period → visit → HOME_VISIT contact; rent arrears → draft application; sublease needs välitystili; case closed → period ends', () => {
  let graph: RunningGraph;
  let socialWorker: string;
  let instructor: string;
  let supervisor: string;
  let otherInstructor: string;
  let instructorWorkerId: string;
  const today = todayInFinland();
  let individual = 300;

  beforeAll(async () => {
    graph = await startGraph();
    socialWorker = await graph.token(SOCIAL_WORKER);
    instructor = await graph.token(INSTRUCTOR);
    supervisor = await graph.token(SUPERVISOR);
    otherInstructor = await graph.token(OTHER_INSTRUCTOR);
    const { registerWorker } = await request(graph, `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`, { input: INSTRUCTOR_WORKER }, supervisor);
    instructorWorkerId = registerWorker.id;
  });
  afterAll(() => graph?.close());

  const ok = (query: string, variables: Record<string, unknown>, token: string) => request(graph, query, variables, token);

  const registeredClient = () => registerClient(graph, socialWorker, testIdentityCode('030379', individual++));

  /** housing-support knows the instructor works on the client once case's CaseRelationshipsChanged has arrived. */
  const housingSupportDb = () => graph.subgraphs['housing-support'].dataSource;
  async function relationshipArrived(clientId: string): Promise<void> {
    await eventually(async () => {
      const rows = await housingSupportDb().query(`SELECT 1 FROM case_relationships WHERE client_id = $1 AND named_worker = $2 AND open`, [clientId, INSTRUCTOR_WORKER.userId]);
      expect(rows).toHaveLength(1);
    });
  }

  /** The team's supervisor names the instructor the client's worker (omatyöntekijä) on the case. */
  async function instructorOnCase(clientId: string, caseId: string): Promise<void> {
    await ok(`mutation($caseId: ID!, $workerId: ID!) { assignResponsibleWorker(caseId: $caseId, workerId: $workerId) { id } }`, { caseId, workerId: instructorWorkerId }, supervisor);
    await relationshipArrived(clientId);
  }

  /** The case service: an assessed case with a granted HOUSING_SUPPORT decision, the instructor its named worker. */
  async function clientWithHousingDecision(): Promise<{ clientId: string; caseId: string }> {
    const clientId = await registeredClient();
    const caseId = await caseWithGrantedDecision(
      graph,
      socialWorker,
      clientId,
      { serviceType: 'HOUSING_SUPPORT', summary: 'Asumisen tuen tarve.', supportNeeds: ['HOUSING'], reasoning: 'Asumisen ongelmat, tarve tuetulle asumiselle.', validFrom: addDays(today, -14) },
      20,
    );
    await instructorOnCase(clientId, caseId);
    return { clientId, caseId };
  }

  /** A registered client with an open case the instructor works on. */
  async function clientOnCase(): Promise<string> {
    const clientId = await registeredClient();
    const { openCase } = await ok(`mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { clientId, initiationChannel: 'VISIT' } }, socialWorker);
    await instructorOnCase(clientId, openCase.id);
    return clientId;
  }

  const refusalsIn = async (service: 'case' | 'housing-support', actorId: string, clientId: string): Promise<number> =>
    (await graph.subgraphs[service].dataSource.query(`SELECT count(*)::int AS n FROM access_log WHERE actor_id = $1 AND client_id = $2 AND outcome = 'REFUSED'`, [actorId, clientId]))[0].n;

  const PERIODS = `query($id: ID!) { client(id: $id) { housingSupport { id status endCause outcome visits { done { visitedOn } } } } }`;

  it('a granted decision opens a period; the worker plans and starts it, records a visit that case counts as a HOME_VISIT; closing the case ends the period', async () => {
    const { clientId, caseId } = await clientWithHousingDecision();
    const [period] = await eventually(async () => {
      const periods = (await ok(PERIODS, { id: clientId }, instructor)).client.housingSupport;
      expect(periods).toEqual([{ id: expect.any(String), status: 'PLANNING', endCause: null, outcome: null, visits: { done: [] } }]);
      return periods;
    });

    await ok(
      `mutation($input: PlanHousingSupportPeriodInput!) { planHousingSupportPeriod(input: $input) { id } }`,
      {
        input: {
          periodId: period.id,
          startsOn: addDays(today, -7),
          endsOn: addDays(today, 170),
          goals: [{ area: 'APPLYING_FOR_A_FLAT', text: 'Oma vuokra-asunto kaupungin kannasta' }],
          visitSchedule: { frequency: 'WEEKLY', weekday: 'WEDNESDAY' },
        },
      },
      instructor,
    );
    expect((await ok(`mutation($id: ID!) { startHousingSupportPeriod(periodId: $id) { status } }`, { id: period.id }, instructor)).startHousingSupportPeriod.status).toBe('ACTIVE');
    await ok(
      `mutation($input: RecordSupportVisitInput!) { recordSupportVisit(input: $input) { id } }`,
      { input: { periodId: period.id, visitedOn: today, durationMinutes: 60, guidanceAreas: ['APPLYING_FOR_A_FLAT', 'INCOME_AND_MONEY_MANAGEMENT'] } },
      instructor,
    );

    await eventually(async () => {
      const { client } = await ok(`query($id: ID!) { client(id: $id) { contacts { contactType occurredOn durationMinutes workerRole } } }`, { id: clientId }, socialWorker);
      expect(client.contacts).toEqual([{ contactType: 'HOME_VISIT', occurredOn: today, durationMinutes: 60, workerRole: 'SOCIAL_INSTRUCTOR' }]);
    });
    const { contactStatistics } = await ok(`query($from: LocalDate!, $to: LocalDate!) { contactStatistics(from: $from, to: $to) { workerRole homeVisits } }`, { from: today, to: today }, socialWorker);
    expect(contactStatistics).toContainEqual({ workerRole: 'SOCIAL_INSTRUCTOR', homeVisits: 1 });

    await ok(`mutation($id: ID!) { closeCase(caseId: $id, input: { reason: SERVICES_ENDED }) { id } }`, { id: caseId }, socialWorker);
    // Closing the case ends the workers' access through it; the team's supervisor still sees the client.
    await eventually(async () =>
      expect((await ok(PERIODS, { id: clientId }, supervisor)).client.housingSupport).toEqual([
        { id: period.id, status: 'ENDED', endCause: 'CASE_CLOSED', outcome: 'CASE_CLOSED', visits: { done: [{ visitedOn: today }] } },
      ]),
    );
    await eventually(async () => expect((await graph.request(PERIODS, { id: clientId }, instructor)).errors?.map((error) => error.extensions?.code)).toContain('FORBIDDEN'));
  });

  it('refuses a plan beyond the decision’s end or with no goals, naming both, and writes nothing', async () => {
    const { clientId } = await clientWithHousingDecision(); // the decision runs until today + 180 days
    const [period] = await eventually(async () => {
      const periods = (await ok(PERIODS, { id: clientId }, instructor)).client.housingSupport;
      expect(periods).toHaveLength(1);
      return periods;
    });
    const PLAN = `mutation($input: PlanHousingSupportPeriodInput!) { planHousingSupportPeriod(input: $input) { id startsOn endsOn } }`;
    const goals = [{ area: 'APPLYING_FOR_A_FLAT', text: 'Oma vuokra-asunto' }];
    const plan = (over: Record<string, unknown>) => ({ input: { periodId: period.id, startsOn: today, endsOn: addDays(today, 180), goals, visitSchedule: { frequency: 'WEEKLY', weekday: 'MONDAY' }, ...over } });
    const stored = async () => (await housingSupportDb().query(`SELECT starts_on, ends_on, goals FROM housing_support_period WHERE id = $1`, [period.id]))[0];
    const outbox = async () => Number((await housingSupportDb().query(`SELECT count(*) AS n FROM outbox`))[0].n);
    const before = { period: await stored(), outbox: await outbox() };

    const refused = await graph.request(PLAN, plan({ endsOn: addDays(today, 181), goals: [] }), instructor);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((refused.errors?.[0].extensions?.details as { problems: Array<{ field: string; reason: string }> }).problems.map((p) => `${p.field} ${p.reason}`)).toEqual([
      'input.endsOn PLAN_BEYOND_DECISION',
      'input.goals PLAN_WITHOUT_GOALS',
    ]);
    expect((await graph.request(PLAN, plan({ goals: [] }), instructor)).errors?.[0].extensions?.details).toMatchObject({ reason: 'PLAN_WITHOUT_GOALS', field: 'input.goals' });
    expect((await graph.request(PLAN, plan({ endsOn: addDays(today, 181) }), instructor)).errors?.[0].extensions?.details).toMatchObject({ reason: 'PLAN_BEYOND_DECISION', field: 'input.endsOn' });
    expect({ period: await stored(), outbox: await outbox() }).toEqual(before);

    // To the decision's last day, with a goal: accepted.
    expect((await ok(PLAN, plan({}), instructor)).planHousingSupportPeriod).toEqual({ id: period.id, startsOn: today, endsOn: addDays(today, 180) });
  });

  it('reported rent arrears become a draft preventive income support application in benefits-handling', async () => {
    const clientId = await clientOnCase();
    const { reportRentArrears } = await ok(
      `mutation($input: ReportRentArrearsInput!) { reportRentArrears(input: $input) { id amountCents } }`,
      { input: { clientId, amountCents: 145_000, landlord: 'Lahden Talot Oy', months: 2 } },
      instructor,
    );
    expect(reportRentArrears.amountCents).toBe(145_000);
    await eventually(async () => {
      const { client } = await ok(`query($id: ID!) { client(id: $id) { rentArrears { id } incomeSupportApplications { kind status } } }`, { id: clientId }, instructor);
      expect(client).toEqual({ rentArrears: [{ id: reportRentArrears.id }], incomeSupportApplications: [{ kind: 'PREVENTIVE', status: 'DRAFT' }] });
    });
  });

  it('a sublease is refused without an active välitystili, and runs once one is open', async () => {
    const clientId = await clientOnCase();
    const START = `mutation($input: StartSubleaseInput!) { startSublease(input: $input) { status } }`;
    const input = { clientId, startsOn: today, address: 'Kauppakatu 1 A 2, Lahti', monthlyRentCents: 62_000 };
    const refused = await graph.request(START, { input }, instructor);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', details: { reason: 'NO_ACTIVE_INTERMEDIARY_ACCOUNT' } } });
    expect(refused.errors?.[0].message).toMatch(/välitystili/);
    const [{ n }] = await graph.subgraphs['housing-support'].dataSource.query(`SELECT count(*)::int AS n FROM sublease WHERE client_id = $1`, [clientId]);
    expect(n).toBe(0);

    await ok(`mutation($input: OpenPaymentIntermediaryAccountInput!) { openPaymentIntermediaryAccount(input: $input) { id } }`, { input: { clientId, openedOn: today } }, instructor);
    expect((await ok(START, { input }, instructor)).startSublease.status).toBe('ACTIVE');
    const { client } = await ok(`query($id: ID!) { client(id: $id) { paymentIntermediaryAccounts { status } subleases { status monthlyRentCents } } }`, { id: clientId }, instructor);
    expect(client).toEqual({ paymentIntermediaryAccounts: [{ status: 'ACTIVE' }], subleases: [{ status: 'ACTIVE', monthlyRentCents: 62_000 }] });
  });

  it('a housing worker without a relationship with the client is refused, sees nothing, changes nothing; the refusal is logged', async () => {
    const { clientId } = await clientWithHousingDecision();
    const [period] = await eventually(async () => {
      const periods = (await ok(PERIODS, { id: clientId }, instructor)).client.housingSupport;
      expect(periods).toHaveLength(1);
      return periods;
    });

    // Client.housingSupport through the gateway: FORBIDDEN, no housing data.
    const viaClient = await graph.request(PERIODS, { id: clientId }, otherInstructor);
    expect(viaClient.errors?.map((error) => error.extensions?.code)).toContain('FORBIDDEN');
    expect(viaClient.data?.client?.housingSupport ?? null).toBeNull();
    expect((await refusalsIn('case', OTHER_INSTRUCTOR.userId, clientId)) + (await refusalsIn('housing-support', OTHER_INSTRUCTOR.userId, clientId))).toBeGreaterThan(0);

    // The period by id, and its id in a mutation: refused by housing-support, logged there, nothing written.
    const byId = await graph.request(`query($id: ID!) { housingSupportPeriod(id: $id) { id goals { text } } }`, { id: period.id }, otherInstructor);
    expect(byId.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(byId.data?.housingSupportPeriod ?? null).toBeNull();
    const planned = await graph.request(
      `mutation($input: PlanHousingSupportPeriodInput!) { planHousingSupportPeriod(input: $input) { id } }`,
      { input: { periodId: period.id, startsOn: today, endsOn: addDays(today, 90), goals: [{ area: 'OWN_WELLBEING', text: 'Uni' }], visitSchedule: null } },
      otherInstructor,
    );
    expect(planned.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const [row] = await housingSupportDb().query(`SELECT starts_on, goals FROM housing_support_period WHERE id = $1`, [period.id]);
    expect(row).toEqual({ starts_on: null, goals: [] });
    const logged = await housingSupportDb().query(`SELECT action, outcome FROM access_log WHERE actor_id = $1 AND client_id = $2 ORDER BY id`, [OTHER_INSTRUCTOR.userId, clientId]);
    expect(logged).toEqual(expect.arrayContaining([{ action: 'READ', outcome: 'REFUSED' }, { action: 'CHANGE', outcome: 'REFUSED' }]));

    // The list of periods in planning leaves the client out for them, not for the named worker.
    const LIST = `query { housingSupportPeriods(status: PLANNING) { id } }`;
    expect((await ok(LIST, {}, otherInstructor)).housingSupportPeriods.map((p: { id: string }) => p.id)).not.toContain(period.id);
    expect((await ok(LIST, {}, instructor)).housingSupportPeriods.map((p: { id: string }) => p.id)).toContain(period.id);
    const basis = await housingSupportDb().query(`SELECT DISTINCT basis FROM access_log WHERE actor_id = $1 AND client_id = $2 AND outcome = 'ALLOWED'`, [INSTRUCTOR_WORKER.userId, clientId]);
    expect(basis).toEqual([{ basis: 'relationship:NAMED_WORKER' }]);
  });
});
