import type { Identity } from '@asw/auth';
import { addDays, todayInFinland } from '@asw/calendar';
import { eventually, gatewayHeaders, postGraphQL } from '@asw/testing';
import { assignCaseWorkers, caseWithGrantedDecision, ok as request, registerClient, testIdentityCode } from '../support/case-steps';
import { RunningGraph, startGraph } from '../support/graph.harness';

// Plain-language description: references.feature.md beside this file.
const TEAM = 'team-e2e-refs';
const SOCIAL_WORKER: Identity = { kind: 'user', userId: 'sw-e2e-refs', roles: ['SOCIAL_WORKER'], team: TEAM, organisation: 'test-county' };
const SUPERVISOR: Identity = { kind: 'user', userId: 'lead-e2e-refs', roles: ['SUPERVISOR'], team: TEAM, organisation: 'test-county' };
const INSTRUCTOR: Identity = { kind: 'user', userId: 'instructor-e2e-refs', roles: ['SOCIAL_INSTRUCTOR'], team: TEAM, organisation: 'test-county' };
/** A handler of the county's benefits-handling team: applications they register go to that team's queue. */
const HANDLER: Identity = { kind: 'user', userId: 'handler-e2e-refs', roles: ['BENEFITS_HANDLER'], team: 'etuuskasittely', organisation: 'test-county' };
/** The benefits team's lead: reaches the team's queue in benefits-handling, but case gives the queue basis to handlers only. */
const HANDLING_LEAD: Identity = { kind: 'user', userId: 'lead-e2e-refs-benefits', roles: ['SUPERVISOR'], team: 'etuuskasittely', organisation: 'test-county' };
/** A worker of another team, on none of the clients' cases. */
const STRANGER: Identity = { kind: 'user', userId: 'stranger-e2e-refs', roles: ['SOCIAL_WORKER'], team: 'team-e2e-refs-other', organisation: 'test-county' };

const errorsOf = (response: { errors?: Array<{ path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }> }) =>
  (response.errors ?? []).map((error) => [error.extensions?.code, (error.path ?? []).join('.')]);

describe('references instead of bare ids: IncomeSupportApplication.client, GroupEnrollment.client, HousingSupportPeriod.decision through the gateway', () => {
  let graph: RunningGraph;
  let socialWorker: string;
  let supervisor: string;
  let instructor: string;
  let handler: string;
  let handlingLead: string;
  let stranger: string;
  const today = todayInFinland();
  let individual = 400;

  beforeAll(async () => {
    graph = await startGraph();
    [socialWorker, supervisor, instructor, handler, handlingLead, stranger] = await Promise.all([SOCIAL_WORKER, SUPERVISOR, INSTRUCTOR, HANDLER, HANDLING_LEAD, STRANGER].map((identity) => graph.token(identity)));
  });
  afterAll(() => graph?.close());

  const ok = (query: string, variables: Record<string, unknown>, token: string) => request(graph, query, variables, token);

  /** A client the social worker registered and opened a case for (so works on it), known to benefits-handling. */
  async function clientOnCase(firstName: string, lastName: string): Promise<string> {
    const clientId = await registerClient(graph, socialWorker, testIdentityCode('150682', individual++), { firstName, lastName });
    await ok(`mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { clientId, initiationChannel: 'APPLICATION' } }, socialWorker);
    return clientId;
  }

  async function knownToBenefits(clientId: string): Promise<void> {
    await eventually(async () => expect(await graph.subgraphs['benefits-handling'].dataSource.query(`SELECT 1 FROM known_client WHERE client_id = $1`, [clientId])).toHaveLength(1));
  }

  const REGISTER_APPLICATION = `mutation($input: RegisterIncomeSupportApplicationInput!) { registerIncomeSupportApplication(input: $input) { id handlingTeam } }`;
  const QUEUE_WITH_NAMES = `query { incomeSupportQueue(queue: GENERAL) { applications { id clientId client { id firstName lastName } } } }`;

  it('a handler’s queue shows the clients’ names in one request; the team’s lead, whom case does not admit to the names, gets the queue with FORBIDDEN on each client’s path', async () => {
    const clients = [await clientOnCase('Aino', 'Virtanen'), await clientOnCase('Eero', 'Mäkinen')];
    const applications: Record<string, string> = {};
    for (const clientId of clients) {
      await knownToBenefits(clientId);
      const { registerIncomeSupportApplication } = await ok(
        REGISTER_APPLICATION,
        { input: { clientId, kind: 'SUPPLEMENTARY', channel: 'PAPER', receivedOn: addDays(today, -2), expenses: [{ expenseType: 'MEDICINE', claimedCents: 2_500 }] } },
        handler,
      );
      expect(registerIncomeSupportApplication.handlingTeam).toBe('etuuskasittely');
      applications[registerIncomeSupportApplication.id] = clientId;
    }

    // case learns of the team's queue from IncomeSupportApplicationRegistered; from then on one request answers all.
    const names = { [clients[0]]: { firstName: 'Aino', lastName: 'Virtanen' }, [clients[1]]: { firstName: 'Eero', lastName: 'Mäkinen' } };
    await eventually(async () => {
      const queue = await graph.request(QUEUE_WITH_NAMES, {}, handler);
      expect(queue.errors).toBeUndefined();
      const rows = queue.data.incomeSupportQueue.applications.filter((row: { id: string }) => row.id in applications);
      expect(rows).toHaveLength(2);
      for (const row of rows) expect(row).toEqual({ id: row.id, clientId: applications[row.id], client: { id: applications[row.id], ...names[applications[row.id]] } });
    });
    // The read of each client is on record in case under the queue basis.
    const [logged] = await graph.subgraphs.case.dataSource.query(`SELECT basis FROM access_log WHERE actor_id = $1 AND client_id = $2 AND outcome = 'ALLOWED' ORDER BY id DESC LIMIT 1`, [HANDLER.userId, clients[0]]);
    expect(logged.basis).toBe('queue:etuuskasittely');

    // The benefits team's lead reaches the queue, but case admits only handlers to names on the queue basis: each client's
    // fields are null with FORBIDDEN on that client's path (the gateway keeps the reference's id), the queue renders.
    const lead = await graph.request(QUEUE_WITH_NAMES, {}, handlingLead);
    const rows = lead.data.incomeSupportQueue.applications.filter((row: { id: string }) => row.id in applications);
    expect(rows.map((row: { clientId: string; client: unknown }) => [row.clientId, row.client]).sort()).toEqual(clients.map((clientId) => [clientId, { id: clientId, firstName: null, lastName: null }]).sort());
    const indexes = lead.data.incomeSupportQueue.applications.map((row: { id: string }, index: number) => (row.id in applications ? index : -1)).filter((index: number) => index >= 0);
    expect(errorsOf(lead)).toEqual(expect.arrayContaining(indexes.map((index: number) => ['FORBIDDEN', `incomeSupportQueue.applications.${index}.client`])));
    expect(JSON.stringify(lead.data)).not.toContain('Virtanen');
  });

  it('a housing support period’s decision (outcome, decidedOn) comes from case through the period; case refuses the decision to a caller without access, and an unknown id alike', async () => {
    const clientId = await registerClient(graph, socialWorker, testIdentityCode('150682', individual++), { firstName: 'Helmi', lastName: 'Laine' });
    const caseId = await caseWithGrantedDecision(
      graph,
      socialWorker,
      clientId,
      { serviceType: 'HOUSING_SUPPORT', summary: 'Asumisen tuen tarve.', supportNeeds: ['HOUSING'], reasoning: 'Tarve tuetulle asumiselle.', validFrom: addDays(today, -7) },
      20,
    );
    const { case: kase } = await ok(`query($id: ID!) { case(id: $id) { decisions { id outcome decidedOn serviceType } } }`, { id: caseId }, socialWorker);
    const [decision] = kase.decisions;

    const PERIOD = `query($id: ID!) { client(id: $id) { housingSupport { id status decisionId decision { id serviceType outcome decidedOn validFrom } } } }`;
    const [period] = await eventually(async () => {
      const periods = (await ok(PERIOD, { id: clientId }, socialWorker)).client.housingSupport;
      expect(periods).toHaveLength(1);
      return periods;
    });
    expect(period).toEqual({ id: expect.any(String), status: 'PLANNING', decisionId: decision.id, decision: { ...decision, validFrom: addDays(today, -7) } });
    expect(decision).toMatchObject({ outcome: 'GRANTED', serviceType: 'HOUSING_SUPPORT' });
    const one = await ok(`query($id: ID!) { housingSupportPeriod(id: $id) { decision { outcome decidedOn } } }`, { id: period.id }, socialWorker);
    expect(one.housingSupportPeriod.decision).toEqual({ outcome: 'GRANTED', decidedOn: decision.decidedOn });

    // housing-support and case share the client relationships, so whoever reads the period reads its decision;
    // case's own check is what answers the gateway's entity fetch: a caller without access (and an unknown id) is refused there, per decision.
    const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ServiceDecision { id outcome } } }`;
    const representations = [{ __typename: 'ServiceDecision', id: decision.id }, { __typename: 'ServiceDecision', id: '00000000-0000-4000-8000-00000000dead' }];
    const refused = await postGraphQL<any>(graph.subgraphs.case.url, ENTITIES, { representations }, await gatewayHeaders(STRANGER));
    expect(refused.data?._entities).toEqual([null, null]);
    expect(errorsOf(refused).sort()).toEqual([['FORBIDDEN', '_entities.0'], ['FORBIDDEN', '_entities.1']]);
    const allowed = await postGraphQL<any>(graph.subgraphs.case.url, ENTITIES, { representations: representations.slice(0, 1) }, await gatewayHeaders(SOCIAL_WORKER));
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data._entities).toEqual([{ id: decision.id, outcome: 'GRANTED' }]);
    expect((await graph.request(PERIOD, { id: clientId }, stranger)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('a group’s facilitator sees the roster with the names of the clients whose case they work on; another client’s name fails on its own path and the roster still renders', async () => {
    const rehabilitation = { serviceType: 'SOCIAL_REHABILITATION' as const, summary: 'Sosiaalisen kuntoutuksen tarve.', supportNeeds: ['DAILY_LIVING'], reasoning: 'Tarve todettu arvioinnissa.', clientGoals: ['Päivärytmi'] };
    const own = await registerClient(graph, socialWorker, testIdentityCode('150682', individual++), { firstName: 'Ilmari', lastName: 'Koivisto' });
    const ownCase = await caseWithGrantedDecision(graph, socialWorker, own, rehabilitation);
    await assignCaseWorkers(graph, supervisor, ownCase, { userId: INSTRUCTOR.kind === 'user' ? INSTRUCTOR.userId : '', name: 'Ilona Ohjaaja', role: 'SOCIAL_INSTRUCTOR', team: TEAM }, [
      { userId: 'sw-e2e-refs', name: 'Sanna Sosiaalityöntekijä', role: 'SOCIAL_WORKER', team: TEAM },
    ]);
    const other = await registerClient(graph, socialWorker, testIdentityCode('150682', individual++), { firstName: 'Kaisa', lastName: 'Nieminen' });
    await caseWithGrantedDecision(graph, socialWorker, other, rehabilitation);

    const { createRehabilitationGroup: group } = await ok(
      `mutation($input: CreateRehabilitationGroupInput!) { createRehabilitationGroup(input: $input) { id } }`,
      {
        input: {
          name: 'Arjen taidot', kind: 'REMOTE_PERIOD', capacity: 6, startsOn: today, endsOn: addDays(today, 70), startTime: '10:00', durationMinutes: 60,
          themes: ['SELF_CARE'], sessionCount: 6, meetingUrl: 'https://meet.example.fi/arjen-taidot', facilitatorIds: [INSTRUCTOR.kind === 'user' ? INSTRUCTOR.userId : ''],
        },
      },
      instructor,
    );
    // The social worker on both cases enrolls both, once group-activity has their decisions and relationships.
    for (const clientId of [own, other]) {
      await eventually(async () => expect((await ok(`mutation($input: GroupEnrollmentInput!) { enrollInGroup(input: $input) { status } }`, { input: { groupId: group.id, clientId } }, socialWorker)).enrollInGroup.status).toBe('ENROLLED'));
    }

    const ROSTER = `query($id: ID!) { rehabilitationGroup(id: $id) { name roster { clientId status client { firstName lastName } } } }`;
    const facilitated = await graph.request(ROSTER, { id: group.id }, instructor);
    expect(facilitated.data.rehabilitationGroup).toEqual({
      name: 'Arjen taidot',
      roster: [
        { clientId: own, status: 'ENROLLED', client: { firstName: 'Ilmari', lastName: 'Koivisto' } },
        { clientId: other, status: 'ENROLLED', client: { firstName: null, lastName: null } },
      ],
    });
    expect(errorsOf(facilitated)).toEqual([['FORBIDDEN', 'rehabilitationGroup.roster.1.client']]);

    // The social worker on both clients' cases reads both names in one request.
    const worker = await ok(ROSTER, { id: group.id }, socialWorker);
    expect(worker.rehabilitationGroup.roster.map((row: { client: { lastName: string } }) => row.client.lastName)).toEqual(['Koivisto', 'Nieminen']);
  });
});
