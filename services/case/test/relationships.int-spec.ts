import { randomUUID } from 'node:crypto';
import type { Identity } from '@asw/auth';
import { createEnvelope, EventPublisher, topicOf } from '@asw/events';
import { CaseRelationships, loadCaseRelationships, republishCaseRelationships } from '@asw/subgraph';
import { eventually, gatewayHeaders, observeTopic, postGraphQL, produceRaw, resolveClients, RunningSubgraph, startSubgraph, startTsProcess, TEST_WORKER } from '@asw/testing';
import { caseSubgraph } from '../src/case.subgraph';
import { CaseOpenedBy1763800000110 } from '../src/migrations/1763800000110-case-opened-by.migration';
import { clientWithCase, ok, REGISTER, registration, SUPERVISOR } from './case-test-kit';

const user = (userId: string, roles: string[], team = 'team-test') => ({ kind: 'user', userId, roles, team, organisation: 'test-county' }) as Identity;
/** A social worker of the same team who works on none of these cases. */
const STRANGER = user('stranger-1', ['SOCIAL_WORKER']);
const OTHER_SUPERVISOR = user('supervisor-other', ['SUPERVISOR'], 'team-other');
const HANDLER = user('handler-1', ['BENEFITS_HANDLER'], 'benefits');
const OPENER_ID = (TEST_WORKER as { userId: string }).userId;

const CLIENT = `query($id: ID!) { client(id: $id) { id firstName lastName } }`;
const CLIENT_CASES = `query($id: ID!) { client(id: $id) { id cases { id status decisions { id } plans { id } } contacts { id } eurohisMeasurements { measuredOn } timeline(first: 5) { edges { node { kind } } } } }`;
const CASE = `query($id: ID!) { case(id: $id) { id status client { id } } }`;
const START = `mutation($id: ID!) { startAssessment(caseId: $id) { id status } }`;
const CLOSE = `mutation($id: ID!) { closeCase(caseId: $id, input: { reason: NO_SERVICE_NEED }) { id status statusHistory { to } } }`;
const ASSIGN = `mutation($id: ID!, $worker: ID!, $co: [ID!]) { assignResponsibleWorker(caseId: $id, workerId: $worker, coWorkerIds: $co) { id } }`;
const REGISTER_WORKER = `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`;

describe('case subgraph: relationship-based access (named worker, co-worker, team supervisor)', () => {
  let service: RunningSubgraph;
  let opener: Record<string, string>;
  let observer: Awaited<ReturnType<typeof observeTopic>>;
  const as = (identity: Identity) => gatewayHeaders(identity);

  beforeAll(async () => {
    service = await startSubgraph(caseSubgraph);
    opener = await gatewayHeaders(TEST_WORKER);
    observer = await observeTopic(topicOf('case', service.config.KAFKA_TOPIC_PREFIX));
  });
  afterAll(async () => {
    await observer?.stop();
    await service?.close();
  });

  const count = async (table: string) => Number((await service.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const written = async () => ({
    cases: await service.dataSource.query(`SELECT id, status, responsible_worker_id FROM client_case ORDER BY id`),
    clients: await service.dataSource.query(`SELECT id, first_name FROM client ORDER BY id`),
    contacts: await count('contact'),
    measurements: await count('measurement'),
    activation: await count('activation_facts'),
    decisions: await count('service_decision'),
    outbox: await count('outbox'),
    relationships: await service.dataSource.query(`SELECT * FROM case_relationships ORDER BY case_id`),
  });
  const accessLog = (clientId: string, userId: string) =>
    service.dataSource.query(
      `SELECT action, categories, basis, outcome FROM access_log WHERE client_id = $1 AND actor_id = $2 ORDER BY id`,
      [clientId, userId],
    );
  let workerSeq = 0;
  const registerWorker = async (role: string, userId = `rel-${role.toLowerCase()}-${++workerSeq}`) =>
    ({ id: (await ok(service.url, REGISTER_WORKER, { input: { userId, name: 'Testi Työntekijä', role, team: 'team-test' } }, await as(SUPERVISOR))).registerWorker.id as string, userId });
  const relationshipEvents = (caseId: string) =>
    observer.received.filter((m) => m.envelope.type === 'CaseRelationshipsChanged' && (m.envelope.payload as { caseId: string }).caseId === caseId).map((m) => m.envelope.payload);

  it('refuses a worker without a relationship a client, a case and a Client reference by id: FORBIDDEN, nothing returned, refusal logged', async () => {
    const { clientId, caseId } = await clientWithCase(service.url, opener, { firstName: 'Salla', lastName: 'Suojattu' });
    const stranger = await as(STRANGER);
    for (const [query, variables] of [
      [CLIENT, { id: clientId }],
      [CLIENT_CASES, { id: clientId }],
      [CASE, { id: caseId }],
    ] as const) {
      const response = await postGraphQL(service.url, query, variables, stranger);
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(Object.values(response.data ?? {}).every((value) => value === null)).toBe(true);
      expect(JSON.stringify(response)).not.toContain('Suojattu');
    }
    const reference = await resolveClients(service.url, stranger, [clientId], 'id firstName lastName');
    expect(reference.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(reference.data?._entities).toEqual([null]);
    expect(JSON.stringify(reference)).not.toContain('Suojattu');

    await eventually(async () => {
      const rows = await accessLog(clientId, 'stranger-1');
      expect(rows).toEqual(
        expect.arrayContaining([
          { action: 'READ', categories: ['case:client'], basis: 'no client relationship', outcome: 'REFUSED' },
          { action: 'READ', categories: ['case:cases'], basis: 'no client relationship', outcome: 'REFUSED' },
        ]),
      );
      expect(rows.every((row: { outcome: string }) => row.outcome === 'REFUSED')).toBe(true);
    });
  });

  it('refuses a worker without a relationship every change by id (case, client, contact, measurement, activation, decision), writing nothing', async () => {
    const { clientId, caseId } = await clientWithCase(service.url, opener);
    const stranger = await as(STRANGER);
    const before = await written();
    const attempts: Array<[string, Record<string, unknown>]> = [
      [START, { id: caseId }],
      [CLOSE, { id: caseId }],
      [`mutation($id: ID!) { updateClientDetails(id: $id, input: { firstName: "X", lastName: "Y", municipalityCode: "398", preferredLanguage: FI }) { id } }`, { id: clientId }],
      [`mutation($id: ID!) { recordContact(input: { clientId: $id, type: PHONE, occurredOn: "2025-03-03" }) { id } }`, { id: clientId }],
      [`mutation($id: ID!) { recordEurohisMeasurement(clientId: $id, input: { occasion: START, measuredOn: "2025-03-03", answers: [3,3,3,3,3,3,3,3] }) { measuredOn } }`, { id: clientId }],
      [
        `mutation($id: ID!) { recordActivationFacts(clientId: $id, input: { hasEmploymentPlan: false, hadEarlierEmploymentPlan: false, labourMarketSubsidyDaysLast12Months: 0,
           reachedEarningsRelated500DayLimit: false, labourMarketSubsidyDaysAfter500DayLimit: 0, monthsIncomeSupportAsMainIncome: 0 }) { triggered } }`,
        { id: clientId },
      ],
      [`mutation($id: ID!) { makeServiceDecision(caseId: $id, input: { serviceType: HOUSING_SUPPORT, outcome: GRANTED, reasoning: "x", validFrom: "2025-03-03" }) { id } }`, { id: caseId }],
      [ASSIGN, { id: caseId, worker: '00000000-0000-4000-8000-000000000001' }],
    ];
    for (const [mutation, variables] of attempts) {
      const response = await postGraphQL(service.url, mutation, variables, stranger);
      expect({ mutation, code: response.errors?.[0].extensions?.code }).toEqual({ mutation, code: 'FORBIDDEN' });
    }
    // An unknown case is refused the same way: its existence is not revealed.
    const unknown = await postGraphQL(service.url, START, { id: '00000000-0000-4000-8000-000000000000' }, opener);
    expect(unknown.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await written()).toEqual(before);
    await eventually(async () => {
      const rows = await accessLog(clientId, 'stranger-1');
      expect(rows.filter((row: { action: string }) => row.action === 'CHANGE')).toEqual(
        expect.arrayContaining([
          { action: 'CHANGE', categories: ['case:cases'], basis: 'no client relationship', outcome: 'REFUSED' },
          { action: 'CHANGE', categories: ['case:client'], basis: 'no client relationship', outcome: 'REFUSED' },
          { action: 'CHANGE', categories: ['case:contacts'], basis: 'no client relationship', outcome: 'REFUSED' },
          { action: 'CHANGE', categories: ['case:measurements'], basis: 'no client relationship', outcome: 'REFUSED' },
          { action: 'CHANGE', categories: ['case:activation'], basis: 'no client relationship', outcome: 'REFUSED' },
          { action: 'CHANGE', categories: ['case:decisions'], basis: 'no client relationship', outcome: 'REFUSED' },
        ]),
      );
      expect(rows.some((row: { outcome: string }) => row.outcome === 'ALLOWED')).toBe(false);
    });
  });

  it('lists (client search, team queue) leave out clients without a relationship; the team supervisor sees the team’s', async () => {
    const mine = await clientWithCase(service.url, opener, { firstName: 'Liisa', lastName: 'Listattava' }, { team: 'list-team' });
    const theirs = await clientWithCase(service.url, await as(user('other-worker', ['SOCIAL_WORKER'])), { firstName: 'Leena', lastName: 'Listattava' }, { team: 'list-team' });
    const search = `{ clients(search: "listattava") { edges { node { id firstName } } pageInfo { hasNextPage } } }`;
    const queue = `{ caseQueue(team: "list-team") { case { id client { id } } } }`;

    expect((await ok(service.url, search, {}, opener)).clients.edges).toEqual([{ node: { id: mine.clientId, firstName: 'Liisa' } }]);
    expect((await ok(service.url, queue, {}, opener)).caseQueue).toEqual([{ case: { id: mine.caseId, client: { id: mine.clientId } } }]);
    expect((await ok(service.url, search, {}, await as(STRANGER))).clients.edges).toEqual([]);
    expect((await ok(service.url, queue, {}, await as(STRANGER))).caseQueue).toEqual([]);

    const lead = await as({ ...(SUPERVISOR as object), team: 'list-team' } as Identity);
    expect((await ok(service.url, search, {}, lead)).clients.edges.map((edge: { node: { id: string } }) => edge.node.id).sort()).toEqual([mine.clientId, theirs.clientId].sort());
    expect((await ok(service.url, queue, {}, lead)).caseQueue).toHaveLength(2);
    expect((await ok(service.url, queue, {}, await as({ ...(OTHER_SUPERVISOR as object), team: 'another' } as Identity))).caseQueue).toEqual([]);
    await eventually(async () => expect(await accessLog(theirs.clientId, OPENER_ID)).toEqual([]));
  });

  it('admits the named worker, co-workers and the team supervisor, logging the relationship as the basis; closing ends the workers’ access, not the supervisor’s', async () => {
    const { clientId, caseId } = await clientWithCase(service.url, opener);
    const named = await registerWorker('SOCIAL_INSTRUCTOR');
    const co = await registerWorker('PRACTICAL_NURSE');
    await ok(service.url, ASSIGN, { id: caseId, worker: named.id, co: [co.id] }, await as(SUPERVISOR));
    const namedHeaders = await as(user(named.userId, ['SOCIAL_INSTRUCTOR']));
    const coHeaders = await as(user(co.userId, ['PRACTICAL_NURSE']));

    expect((await ok(service.url, CLIENT_CASES, { id: clientId }, namedHeaders)).client.cases).toEqual([{ id: caseId, status: 'INITIATED', decisions: [], plans: [] }]);
    expect((await ok(service.url, CLIENT, { id: clientId }, coHeaders)).client.id).toBe(clientId);
    expect((await ok(service.url, CASE, { id: caseId }, await as(SUPERVISOR))).case.id).toBe(caseId);
    expect((await postGraphQL(service.url, CASE, { id: caseId }, await as(OTHER_SUPERVISOR))).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // The closer sees the closed case in the response (admitted before the change), then no more.
    expect((await ok(service.url, CLOSE, { id: caseId }, namedHeaders)).closeCase).toMatchObject({ status: 'CLOSED', statusHistory: [{ to: 'INITIATED' }, { to: 'CLOSED' }] });
    for (const headers of [namedHeaders, coHeaders, opener]) {
      expect((await postGraphQL(service.url, CLIENT, { id: clientId }, headers)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await ok(service.url, CLIENT_CASES, { id: clientId }, await as(SUPERVISOR))).client.cases[0].status).toBe('CLOSED');

    await eventually(async () => {
      expect(await accessLog(clientId, named.userId)).toEqual(
        expect.arrayContaining([
          { action: 'READ', categories: ['case:cases'], basis: 'relationship:NAMED_WORKER', outcome: 'ALLOWED' },
          { action: 'READ', categories: ['case:decisions'], basis: 'relationship:NAMED_WORKER', outcome: 'ALLOWED' },
          { action: 'CHANGE', categories: ['case:cases'], basis: 'relationship:NAMED_WORKER', outcome: 'ALLOWED' },
          { action: 'READ', categories: ['case:client'], basis: 'no client relationship', outcome: 'REFUSED' },
        ]),
      );
      expect(await accessLog(clientId, co.userId)).toEqual(expect.arrayContaining([{ action: 'READ', categories: ['case:client'], basis: 'relationship:CO_WORKER', outcome: 'ALLOWED' }]));
      expect(await accessLog(clientId, (SUPERVISOR as { userId: string }).userId)).toEqual(
        expect.arrayContaining([
          { action: 'CHANGE', categories: ['case:cases'], basis: 'relationship:TEAM_SUPERVISOR', outcome: 'ALLOWED' },
          { action: 'READ', categories: ['case:cases'], basis: 'relationship:TEAM_SUPERVISOR', outcome: 'ALLOWED' },
        ]),
      );
    });
  });

  it('a registrar sees whom they registered, but reads the client later only through a case (intake)', async () => {
    const registered = (await ok(service.url, REGISTER, { input: registration({ firstName: 'Reija' }) }, opener)).registerClient;
    expect(registered.firstName).toBe('Reija');
    expect((await postGraphQL(service.url, CLIENT, { id: registered.id }, opener)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await ok(service.url, `mutation($id: ID!) { openCase(input: { clientId: $id, initiationChannel: VISIT }) { id } }`, { id: registered.id }, opener);
    expect((await ok(service.url, CLIENT, { id: registered.id }, opener)).client.firstName).toBe('Reija');
  });

  /** benefits-handling tells case an application of the client is in a team's queue (IncomeSupportApplicationRegistered). */
  async function applicationInQueue(clientId: string, handlingTeam: string): Promise<void> {
    const envelope = createEnvelope('IncomeSupportApplicationRegistered', 1, 'benefits-handling', {
      applicationId: randomUUID(), clientId, kind: 'SUPPLEMENTARY', channel: 'PAPER', queue: 'NORMAL', handlingTeam, status: 'RECEIVED', receivedOn: '2026-12-01', decisionDueOn: null, rentArrearsId: null,
    }, { subject: clientId, correlationId: randomUUID() });
    await produceRaw(topicOf('benefits-handling', service.config.KAFKA_TOPIC_PREFIX), [{ key: clientId, value: JSON.stringify(envelope) }]);
    await eventually(async () => expect((await service.dataSource.query(`SELECT count(*)::int AS n FROM client_handling_team WHERE client_id = $1 AND team = $2`, [clientId, handlingTeam]))[0].n).toBe(1));
  }

  it('a benefits handler reads a client’s basic details only with an application of the client in their team’s queue (issue #13 item 2), and never cases', async () => {
    const { clientId } = await clientWithCase(service.url, opener, { firstName: 'Eetu', lastName: 'Etuudensaaja' });
    const handler = await as(HANDLER);
    const before = await postGraphQL(service.url, CLIENT, { id: clientId }, handler);
    expect(before.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'NO_CLIENT_RELATIONSHIP' } });
    expect(JSON.stringify(before)).not.toContain('Etuudensaaja');
    await applicationInQueue(clientId, 'another-benefits-team');
    expect((await postGraphQL(service.url, CLIENT, { id: clientId }, handler)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await applicationInQueue(clientId, 'benefits');
    expect((await ok(service.url, CLIENT, { id: clientId }, handler)).client).toEqual({ id: clientId, firstName: 'Eetu', lastName: 'Etuudensaaja' });
    expect((await resolveClients(service.url, handler, [clientId], 'id lastName')).data?._entities).toEqual([{ id: clientId, lastName: 'Etuudensaaja' }]);
    const cases = await postGraphQL(service.url, `query($id: ID!) { client(id: $id) { id cases { id } } }`, { id: clientId }, handler);
    expect(cases.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(cases.data ?? null)).not.toContain('INITIATED');
    await eventually(async () =>
      expect(await accessLog(clientId, 'handler-1')).toEqual(
        expect.arrayContaining([
          { action: 'READ', categories: ['case:client'], basis: 'no client relationship', outcome: 'REFUSED' },
          { action: 'READ', categories: ['case:client'], basis: 'queue:benefits', outcome: 'ALLOWED' },
          { action: 'READ', categories: ['case:cases'], basis: 'no client relationship', outcome: 'REFUSED' },
        ]),
      ),
    );
  });

  it('a benefits handler finds a client of their queue by exact identity code, never by browsing names', async () => {
    const input = registration({ firstName: 'Selma', lastName: 'Selaamaton' });
    const { clientId } = await clientWithCase(service.url, opener, input);
    const handler = await as(HANDLER);
    const SEARCH = `query($search: String!) { clients(search: $search, first: 10) { edges { node { id } } } }`;
    const found = async (search: string) => (await ok(service.url, SEARCH, { search }, handler)).clients.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(await found(input.personalIdentityCode)).toEqual([]);
    await applicationInQueue(clientId, 'benefits');
    expect(await found(input.personalIdentityCode)).toEqual([clientId]);
    expect(await found('Selaamaton')).toEqual([]);
    expect((await ok(service.url, SEARCH, { search: 'Selaamaton' }, opener)).clients.edges).toEqual([{ node: { id: clientId } }]);
  });

  it('publishes CaseRelationshipsChanged with who works on the case on open, assign and close, and keeps the same snapshot', async () => {
    const { clientId, caseId } = await clientWithCase(service.url, opener);
    const named = await registerWorker('SOCIAL_WORKER', 'snap-named');
    const co = await registerWorker('SOCIAL_INSTRUCTOR', 'snap-co');
    await ok(service.url, ASSIGN, { id: caseId, worker: named.id, co: [co.id] }, opener);
    await ok(service.url, CLOSE, { id: caseId }, opener);

    const base = { caseId, clientId, team: 'team-test', changedAt: expect.any(String) };
    await eventually(() =>
      expect(relationshipEvents(caseId)).toEqual([
        { ...base, open: true, namedWorker: null, coWorkers: [OPENER_ID], clientWide: true },
        { ...base, open: true, namedWorker: 'snap-named', coWorkers: ['snap-co', OPENER_ID].sort(), clientWide: true },
        { ...base, open: false, namedWorker: 'snap-named', coWorkers: ['snap-co', OPENER_ID].sort(), clientWide: true },
      ]),
    );
    const events = observer.received.filter((m) => m.envelope.type === 'CaseRelationshipsChanged' && m.envelope.subject === clientId);
    expect(events.every((m) => m.key === clientId)).toBe(true);
    const [row] = await service.dataSource.query(`SELECT team, open, named_worker, co_workers FROM case_relationships WHERE case_id = $1`, [caseId]);
    expect(row).toEqual({ team: 'team-test', open: false, named_worker: 'snap-named', co_workers: ['snap-co', OPENER_ID].sort() });
  });

  it('republishes every case’s snapshot as it stands, open and closed, once per run, on the operator’s command', async () => {
    const { caseId } = await clientWithCase(service.url, opener);
    const closed = await clientWithCase(service.url, opener);
    await ok(service.url, CLOSE, { id: closed.caseId }, opener);
    const snapshots = async () =>
      (await service.dataSource.query(`SELECT DISTINCT client_id FROM case_relationships`)).map((row: { client_id: string }) => row.client_id);
    const current = await loadCaseRelationships(service.dataSource.manager, await snapshots());
    expect(current.map((snapshot) => snapshot.caseId)).toEqual(expect.arrayContaining([caseId, closed.caseId]));
    const republished = (correlationId: string) =>
      observer.received.filter((m) => m.envelope.type === 'CaseRelationshipsChanged' && m.envelope.correlationId === correlationId).map((m) => m.envelope.payload as CaseRelationships);
    const sorted = <T extends { caseId: string }>(list: T[]) => [...list].sort((a, b) => a.caseId.localeCompare(b.caseId));

    // The command, as an operator runs it (`npm run events:republish-relationships`); the service's relay publishes.
    const tool = startTsProcess('tools/events/republish-case-relationships.ts', [], {
      DATABASE_URL: service.config.DATABASE_URL,
      KAFKA_TOPIC_PREFIX: service.config.KAFKA_TOPIC_PREFIX,
    });
    await new Promise((resolve) => tool.child.once('close', resolve)); // exited, and its output read to the end
    expect(tool.child.exitCode).toBe(0);
    const [, count, correlationId] = /case: (\d+) case relationship snapshot\(s\) in the outbox \(correlation id ([0-9a-f-]{36})\)/.exec(tool.log())!;
    expect(Number(count)).toBe(current.length);
    await eventually(() => expect(sorted(republished(correlationId))).toEqual(sorted(current)));

    // Batches: the same, however small they are.
    const batched = randomUUID();
    expect(await republishCaseRelationships(service.dataSource, new EventPublisher('case', service.config.KAFKA_TOPIC_PREFIX), batched, 2)).toBe(current.length);
    await eventually(() => expect(sorted(republished(batched))).toEqual(sorted(current)));
  });

  it('its migration records the opener and who works on each case opened before it (open and closed)', async () => {
    const { caseId } = await clientWithCase(service.url, opener);
    const named = await registerWorker('SOCIAL_WORKER');
    const co = await registerWorker('PRACTICAL_NURSE');
    await ok(service.url, ASSIGN, { id: caseId, worker: named.id, co: [co.id] }, opener);
    const closed = await clientWithCase(service.url, opener);
    await ok(service.url, CLOSE, { id: closed.caseId }, opener);
    const ids = [caseId, closed.caseId];
    const before = await service.dataSource.query(`SELECT case_id, client_id, team, open, named_worker, co_workers FROM case_relationships WHERE case_id = ANY($1::uuid[]) ORDER BY case_id`, [ids]);

    // As before the migration: no opener recorded, no relationships kept.
    const runner = service.dataSource.createQueryRunner();
    try {
      const migration = new CaseOpenedBy1763800000110();
      await migration.down(runner);
      await runner.query(`DELETE FROM case_relationships WHERE case_id = ANY($1::uuid[])`, [ids]);
      await migration.up(runner);
    } finally {
      await runner.release();
    }

    const after = await service.dataSource.query(`SELECT case_id, client_id, team, open, named_worker, co_workers FROM case_relationships WHERE case_id = ANY($1::uuid[]) ORDER BY case_id`, [ids]);
    expect(after).toEqual(before);
    expect(after.find((row: { case_id: string }) => row.case_id === caseId)).toMatchObject({ open: true, named_worker: named.userId, co_workers: [co.userId, OPENER_ID].sort() });
    expect(after.find((row: { case_id: string }) => row.case_id === closed.caseId)).toMatchObject({ open: false, named_worker: null, co_workers: [OPENER_ID] });
    const openers = await service.dataSource.query(`SELECT DISTINCT opened_by FROM client_case WHERE id = ANY($1::uuid[])`, [ids]);
    expect(openers).toEqual([{ opened_by: OPENER_ID }]);
  });

  it('publishes no CaseRelationshipsChanged when a change is refused', async () => {
    const { caseId } = await clientWithCase(service.url, opener);
    const nurse = await registerWorker('PRACTICAL_NURSE');
    const outbox = await count('outbox');
    const refused = await postGraphQL(service.url, ASSIGN, { id: caseId, worker: nurse.id }, opener);
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count('outbox')).toBe(outbox);
    await eventually(() => expect(relationshipEvents(caseId)).toHaveLength(1));
  });
});
