import type { Identity } from '@asw/auth';
import { addDays, todayInFinland } from '@asw/calendar';
import { eventually } from '@asw/testing';
import { caseWithGrantedDecision, ok as request, registerClient, testIdentityCode } from '../support/case-steps';
import { RunningGraph, startGraph } from '../support/graph.harness';

// Plain-language description: housing-support.feature.md beside this file.
const SOCIAL_WORKER: Identity = { kind: 'user', userId: 'sw-e2e-housing', roles: ['SOCIAL_WORKER'], team: 'team-e2e', organisation: 'test-county' };
const INSTRUCTOR: Identity = { kind: 'user', userId: 'instructor-e2e-housing', roles: ['SOCIAL_INSTRUCTOR'], team: 'team-e2e', organisation: 'test-county' };

describe('housing support through the gateway: decision → period → visit → HOME_VISIT contact; rent arrears → draft application; sublease needs välitystili; case closed → period ends', () => {
  let graph: RunningGraph;
  let socialWorker: string;
  let instructor: string;
  const today = todayInFinland();
  let individual = 300;

  beforeAll(async () => {
    graph = await startGraph();
    socialWorker = await graph.token(SOCIAL_WORKER);
    instructor = await graph.token(INSTRUCTOR);
  });
  afterAll(() => graph?.close());

  const ok = (query: string, variables: Record<string, unknown>, token: string) => request(graph, query, variables, token);

  const registeredClient = () => registerClient(graph, socialWorker, testIdentityCode('030379', individual++));

  /** The case service: an assessed case with a granted HOUSING_SUPPORT decision. */
  async function clientWithHousingDecision(): Promise<{ clientId: string; caseId: string }> {
    const clientId = await registeredClient();
    const caseId = await caseWithGrantedDecision(
      graph,
      socialWorker,
      clientId,
      { serviceType: 'HOUSING_SUPPORT', summary: 'Asumisen tuen tarve.', supportNeeds: ['HOUSING'], reasoning: 'Asumisen ongelmat, tarve tuetulle asumiselle.', validFrom: addDays(today, -14) },
      20,
    );
    return { clientId, caseId };
  }

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
    await eventually(async () =>
      expect((await ok(PERIODS, { id: clientId }, instructor)).client.housingSupport).toEqual([
        { id: period.id, status: 'ENDED', endCause: 'CASE_CLOSED', outcome: 'CASE_CLOSED', visits: { done: [{ visitedOn: today }] } },
      ]),
    );
  });

  it('reported rent arrears become a draft preventive income support application in benefits-handling', async () => {
    const clientId = await registeredClient();
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
    const clientId = await registeredClient();
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
});
