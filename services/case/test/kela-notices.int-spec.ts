import { randomUUID } from 'node:crypto';
import { createEnvelope, KelaNoticeReceived, topicOf } from '@asw/events';
import { keyringFromEnvironment, PersonalIdentityCodeProtector } from '@asw/personal-identity-code';
import { eventually, gatewayHeaders, observeTopic, postGraphQL, produceRaw, RunningSubgraph, startSubgraph, TEST_WORKER } from '@asw/testing';
import { caseSubgraph } from '../src/case.subgraph';
import { nextCode, ok, REGISTER, registration, SUPERVISOR } from './case-test-kit';

const CLIENT = `query($id: ID!) {
  client(id: $id) {
    id firstName lastName dateOfBirth municipalityCode preferredLanguage
    cases { id status initiationChannel urgent team kelaNoticeId statusHistory { to changedBy } }
  }
}`;

describe('case subgraph: Kela notices open or join a case (KelaNoticeReceived)', () => {
  let service: RunningSubgraph;
  let headers: Record<string, string>;
  /** The intake team's supervisor: a case a Kela notice opened has no worker yet, only the team. */
  let intakeLead: Record<string, string>;
  let observer: Awaited<ReturnType<typeof observeTopic>>;
  const protector = new PersonalIdentityCodeProtector(keyringFromEnvironment());

  beforeAll(async () => {
    service = await startSubgraph(caseSubgraph);
    headers = await gatewayHeaders(TEST_WORKER);
    intakeLead = await gatewayHeaders({ ...SUPERVISOR, team: 'intake' } as typeof SUPERVISOR);
    observer = await observeTopic(topicOf('case', service.config.KAFKA_TOPIC_PREFIX));
  });
  afterAll(async () => {
    await observer?.stop();
    await service?.close();
  });

  const notice = (clientId: string, overrides: Partial<{ noticeType: string; urgent: boolean; person: string | null; receivedAt: string }> = {}) =>
    createEnvelope(
      KelaNoticeReceived.type,
      KelaNoticeReceived.version,
      'benefits-handling',
      KelaNoticeReceived.payload.parse({
        noticeId: randomUUID(),
        noticeType: 'NEED_FOR_SOCIAL_WORK',
        urgent: false,
        receivedAt: '2026-03-02T08:15:00.000Z',
        clientId,
        person: null,
        ...overrides,
      }),
      { subject: clientId, correlationId: randomUUID() },
    );
  const deliver = (...envelopes: object[]) =>
    produceRaw(
      topicOf('benefits-handling', service.config.KAFKA_TOPIC_PREFIX),
      envelopes.map((envelope) => ({ key: (envelope as { subject: string }).subject, value: JSON.stringify(envelope) })),
    );
  const applied = (noticeId: string) =>
    eventually(async () => {
      const [row] = await service.dataSource.query(`SELECT * FROM kela_notice WHERE notice_id = $1`, [noticeId]);
      if (!row) throw new Error('notice not yet applied');
      return row;
    });

  it('registers a person case has not met under the assigned id and opens an urgent pending case in the intake queue, once', async () => {
    const clientId = randomUUID();
    const code = nextCode('2003-09-14');
    const first = notice(clientId, { urgent: true, person: protector.encrypt(code) });
    await deliver(first, first); // redelivered: applied once
    await applied(first.payload.noticeId);

    const client = (await ok(service.url, CLIENT, { id: clientId }, intakeLead)).client;
    expect(client).toMatchObject({ id: clientId, firstName: null, lastName: null, dateOfBirth: '2003-09-14', municipalityCode: null, preferredLanguage: null });
    expect(client.cases).toEqual([
      {
        id: expect.any(String),
        status: 'INITIATED',
        initiationChannel: 'KELA_NOTICE',
        urgent: true,
        team: 'intake',
        kelaNoticeId: first.payload.noticeId,
        statusHistory: [{ to: 'INITIATED', changedBy: 'kela-notice' }],
      },
    ]);
    const [stored] = await service.dataSource.query(`SELECT personal_identity_code_encrypted, personal_identity_code_hash FROM client WHERE id = $1`, [clientId]);
    expect(protector.decrypt(stored.personal_identity_code_encrypted)).toBe(code);
    expect(stored.personal_identity_code_hash).toBe(protector.lookupHash(code));

    await eventually(() => {
      const types = observer.received.filter((m) => m.envelope.subject === clientId).map((m) => m.envelope.type);
      expect(types).toEqual(['ClientRegistered', 'CaseOpened', 'CaseRelationshipsChanged']);
    });
    // Nobody opened it: no worker works on it yet, the intake team's supervisor sees it.
    expect(observer.received.find((m) => m.envelope.subject === clientId && m.envelope.type === 'CaseRelationshipsChanged')!.envelope.payload).toEqual({
      caseId: client.cases[0].id,
      clientId,
      team: 'intake',
      open: true,
      namedWorker: null,
      coWorkers: [],
      clientWide: true,
      changedAt: expect.any(String),
    });
    expect((await postGraphQL(service.url, CLIENT, { id: clientId }, headers)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const opened = observer.received.find((m) => m.envelope.subject === clientId && m.envelope.type === 'CaseOpened')!;
    expect(opened.envelope.payload).toMatchObject({ initiationChannel: 'KELA_NOTICE', urgent: true, kelaNoticeId: first.payload.noticeId });
    expect(JSON.stringify(observer.received.filter((m) => m.envelope.subject === clientId))).not.toContain(code);

    // The worker records the person's details; the client is then found by name.
    const updated = (
      await ok(
        service.url,
        `mutation($id: ID!, $input: ClientDetailsInput!) { updateClientDetails(id: $id, input: $input) { firstName lastName municipalityCode preferredLanguage } }`,
        { id: clientId, input: { firstName: 'Kalle', lastName: 'Kelanen', municipalityCode: '398', preferredLanguage: 'FI' } },
        intakeLead,
      )
    ).updateClientDetails;
    expect(updated).toEqual({ firstName: 'Kalle', lastName: 'Kelanen', municipalityCode: '398', preferredLanguage: 'FI' });
    const found = (await ok(service.url, `{ clients(search: "kelan") { edges { node { id } } } }`, {}, intakeLead)).clients.edges;
    expect(found).toEqual([{ node: { id: clientId } }]);

    // A second notice for the same person joins the open case instead of opening another.
    const second = notice(clientId, { noticeType: 'UNDER_25_UNEMPLOYED_4_MONTHS', person: protector.encrypt(code) });
    await deliver(second);
    const row = await applied(second.payload.noticeId);
    expect(row).toMatchObject({ case_id: client.cases[0].id, case_opened: false });
    expect((await ok(service.url, CLIENT, { id: clientId }, intakeLead)).client.cases).toHaveLength(1);
  });

  it('joins the open case of a registered client; a forwarded application opens no case', async () => {
    const clientId = (await ok(service.url, REGISTER, { input: registration({ personalIdentityCode: nextCode() }) }, headers)).registerClient.id;
    const opened = (await ok(service.url, `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { clientId, initiationChannel: 'VISIT' } }, headers)).openCase;
    const attach = notice(clientId);
    const application = notice(clientId, { noticeType: 'NEED_FOR_SUPPLEMENTARY_OR_PREVENTIVE_SUPPORT' });
    await deliver(attach, application);
    expect(await applied(attach.payload.noticeId)).toMatchObject({ case_id: opened.id, case_opened: false });
    expect(await applied(application.payload.noticeId)).toMatchObject({ case_id: null, case_opened: false });
    expect((await ok(service.url, CLIENT, { id: clientId }, headers)).client.cases.map((c: { id: string }) => c.id)).toEqual([opened.id]);
  });

  it('a person registered here meanwhile under another id is recognised by identity code', async () => {
    const code = nextCode('1970-01-20');
    const registered = (await ok(service.url, REGISTER, { input: registration({ personalIdentityCode: code }) }, headers)).registerClient.id;
    const assignedElsewhere = randomUUID();
    const raced = notice(assignedElsewhere, { person: protector.encrypt(code) });
    await deliver(raced);
    expect(await applied(raced.payload.noticeId)).toMatchObject({ client_id: registered, case_opened: true });
    const missing = await postGraphQL(service.url, CLIENT, { id: assignedElsewhere }, intakeLead);
    expect(missing.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await ok(service.url, CLIENT, { id: registered }, intakeLead)).client.cases).toHaveLength(1);
  });

  it('attaches to the open case of the service task whatever its state; once that case is closed, the next notice opens a new one', async () => {
    const clientId = (await ok(service.url, REGISTER, { input: registration({ personalIdentityCode: nextCode() }) }, headers)).registerClient.id;
    const other = (await ok(service.url, `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { clientId, initiationChannel: 'VISIT', serviceTask: 'SUBSTANCE_ABUSE_WORK' } }, headers)).openCase;
    const adult = (await ok(service.url, `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { clientId, initiationChannel: 'VISIT' } }, headers)).openCase;
    await ok(service.url, `mutation($id: ID!) { startAssessment(caseId: $id) { id } }`, { id: adult.id }, headers);
    const during = notice(clientId);
    await deliver(during);
    expect(await applied(during.payload.noticeId)).toMatchObject({ case_id: adult.id, case_opened: false });

    await ok(service.url, `mutation($id: ID!) { closeCase(caseId: $id, input: { reason: NO_SERVICE_NEED }) { id } }`, { id: adult.id }, headers);
    const after = notice(clientId);
    await deliver(after);
    const row = await applied(after.payload.noticeId);
    expect(row).toMatchObject({ case_opened: true });
    expect([adult.id, other.id]).not.toContain(row.case_id);
    const cases = await service.dataSource.query(`SELECT id, service_task, status FROM client_case WHERE client_id = $1 AND status <> 'CLOSED' ORDER BY service_task`, [clientId]);
    expect(cases).toEqual([
      { id: row.case_id, service_task: 'ADULT_SOCIAL_WORK', status: 'INITIATED' },
      { id: other.id, service_task: 'SUBSTANCE_ABUSE_WORK', status: 'INITIATED' },
    ]);
  });

  it('dead-letters a notice about a client it cannot identify, or of a type it does not know, and changes nothing', async () => {
    const before = await service.dataSource.query(`SELECT (SELECT count(*) FROM client) AS clients, (SELECT count(*) FROM client_case) AS cases`);
    const unknownClient = notice(randomUUID());
    const knownClientId = (await ok(service.url, REGISTER, { input: registration({ personalIdentityCode: nextCode() }) }, headers)).registerClient.id;
    const unknownType = notice(knownClientId, { noticeType: 'SOMETHING_NEW' });
    await deliver(unknownClient, unknownType);
    await eventually(async () => {
      const rows: Array<{ event_id: string; error: string }> = await service.dataSource.query(`SELECT event_id, error FROM dead_letter WHERE event_id = ANY($1)`, [[unknownClient.id, unknownType.id]]);
      expect(rows.map((row) => row.event_id).sort()).toEqual([unknownClient.id, unknownType.id].sort());
      expect(rows.map((row) => row.error).join(' ')).toMatch(/carries no person to register.*|SOMETHING_NEW is not known/);
    }, 60_000);
    const after = await service.dataSource.query(`SELECT (SELECT count(*) FROM client) AS clients, (SELECT count(*) FROM client_case) AS cases`);
    expect({ clients: Number(after[0].clients), cases: Number(after[0].cases) }).toEqual({ clients: Number(before[0].clients) + 1, cases: Number(before[0].cases) });
  });
});
