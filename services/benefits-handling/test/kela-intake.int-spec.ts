import { randomUUID } from 'node:crypto';
import { createEnvelope, topicOf } from '@asw/events';
import { PersonalIdentityCodeProtector, keyringFromEnvironment } from '@asw/personal-identity-code';
import { countQueriesOn, eventually, gatewayHeaders, observeTopic, postGraphQL, produceRaw, resolveClients, RunningSubgraph, startSubgraph } from '@asw/testing';
import { benefitsHandlingSubgraph } from '../src/benefits-handling.subgraph';
import { CORRELATION_ID_HEADER, Identity } from '@asw/auth';
import { accessLogOf, caseOf, footprint, HANDLER, KELA, kelaReference, knownClient, newPersonalIdentityCode, outboxPayloads, EMPLOYMENT_SERVICES, SOCIAL_WORKER } from './benefits-test-support';

const FORWARD = `mutation ($input: ForwardIncomeSupportApplicationInput!) { forwardIncomeSupportApplication(input: $input) { reference status } }`;
const NOTICE = `mutation ($input: SubmitKelaNoticeInput!) { submitKelaNotice(input: $input) { reference noticeType receivedAt } }`;
const STATUS = `query ($reference: String!) { forwardedApplicationStatus(reference: $reference) { reference status } }`;

describe('Kela intake (real PostgreSQL and Kafka)', () => {
  let service: RunningSubgraph;
  let kela: Record<string, string>;
  let handler: Record<string, string>;
  const protector = new PersonalIdentityCodeProtector(keyringFromEnvironment());

  beforeAll(async () => {
    service = await startSubgraph(benefitsHandlingSubgraph);
    kela = await gatewayHeaders(KELA);
    handler = await gatewayHeaders(HANDLER);
  });
  afterAll(() => service?.close());

  const forwardInput = (overrides: Record<string, unknown> = {}) => ({
    reference: kelaReference(),
    personalIdentityCode: newPersonalIdentityCode(),
    kind: 'SUPPLEMENTARY',
    // The Thursday before Easter 2026: Good Friday (3.4.) and Easter Monday (6.4.) are not working days.
    receivedOn: '2026-04-02',
    urgent: false,
    student: false,
    expenses: [{ expenseType: 'MEDICINE', claimedCents: 4_590, description: 'reseptilääkkeet' }],
    ...overrides,
  });

  it('registers a forwarded application for a person not yet known, with the §14 a due date skipping Easter, and tells case who the person is', async () => {
    const input = forwardInput();
    const observer = await observeTopic(topicOf('benefits-handling', service.config.KAFKA_TOPIC_PREFIX));
    try {
      const response = await postGraphQL(service.url, FORWARD, { input }, kela);
      expect(response.errors).toBeUndefined();
      expect(response.data.forwardIncomeSupportApplication).toEqual({ reference: input.reference, status: 'RECEIVED' });

      const [application] = await service.dataSource.query(`SELECT * FROM income_support_application WHERE kela_reference = $1`, [input.reference]);
      expect(application).toMatchObject({ channel: 'KELA', queue: 'GENERAL', status: 'RECEIVED', received_on: '2026-04-02', decision_due_on: '2026-04-15', submitted_by: 'kela-etotu-test' });
      const [notice] = await service.dataSource.query(`SELECT * FROM kela_notice WHERE kela_reference = $1`, [input.reference]);
      expect(notice).toMatchObject({ client_id: application.client_id, notice_type: 'NEED_FOR_SUPPLEMENTARY_OR_PREVENTIVE_SUPPORT' });
      // Encrypted at rest with a keyed hash; the plaintext code is nowhere in the row or the outbox.
      expect(JSON.stringify(notice)).not.toContain(input.personalIdentityCode);
      expect(protector.decrypt(notice.personal_identity_code_encrypted)).toBe(input.personalIdentityCode);
      expect(notice.personal_identity_code_hash).toBe(protector.lookupHash(input.personalIdentityCode));
      const [outbox] = await service.dataSource.query(`SELECT string_agg(envelope::text, ' ') AS text FROM outbox`);
      expect(outbox.text).not.toContain(input.personalIdentityCode);

      const received = (await outboxPayloads(service, 'KelaNoticeReceived')).find((p) => p.noticeId === notice.id);
      expect(received).toMatchObject({ clientId: application.client_id, noticeType: 'NEED_FOR_SUPPLEMENTARY_OR_PREVENTIVE_SUPPORT', urgent: false });
      expect(protector.decrypt(received.person)).toBe(input.personalIdentityCode);
      await eventually(() => {
        const types = observer.received.filter((m) => m.key === application.client_id).map((m) => m.envelope.type);
        expect(types).toEqual(['KelaNoticeReceived', 'IncomeSupportApplicationRegistered']);
      });
      const registered = observer.received.find((m) => m.envelope.type === 'IncomeSupportApplicationRegistered' && m.key === application.client_id)!.envelope.payload;
      expect(registered).toEqual({
        applicationId: application.id,
        clientId: application.client_id,
        kind: 'SUPPLEMENTARY',
        channel: 'KELA',
        queue: 'GENERAL',
        handlingTeam: expect.any(String),
        status: 'RECEIVED',
        receivedOn: '2026-04-02',
        decisionDueOn: '2026-04-15',
        rentArrearsId: null,
      });
    } finally {
      await observer.stop();
    }
  });

  it('is idempotent on Kela’s reference: a resend returns the same record and writes nothing', async () => {
    const input = forwardInput({ urgent: true, student: true });
    const first = await postGraphQL(service.url, FORWARD, { input }, kela);
    expect(first.errors).toBeUndefined();
    const before = await footprint(service);
    const again = await postGraphQL(service.url, FORWARD, { input }, kela);
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(await footprint(service)).toEqual(before);
    const [application] = await service.dataSource.query(`SELECT queue, decision_due_on FROM income_support_application WHERE kela_reference = $1`, [input.reference]);
    // Urgent goes to the urgent queue whatever the student flag, due the next working day after Maundy Thursday.
    expect(application).toEqual({ queue: 'URGENT', decision_due_on: '2026-04-07' });
  });

  it('stays idempotent when Kela’s resends race each other', async () => {
    const input = forwardInput();
    const before = await footprint(service);
    const responses = await Promise.all(Array.from({ length: 5 }, () => postGraphQL(service.url, FORWARD, { input }, kela)));
    expect(responses.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(new Set(responses.map((r) => JSON.stringify(r.data))).size).toBe(1);
    const after = await footprint(service);
    expect(after.income_support_application - before.income_support_application).toBe(1);
    expect(after.kela_notice - before.kela_notice).toBe(1);
    expect(after.outbox - before.outbox).toBe(2);
  });

  it('refuses a resend that differs (another person under the same reference) as CONFLICT, writing nothing', async () => {
    const input = forwardInput();
    expect((await postGraphQL(service.url, FORWARD, { input }, kela)).errors).toBeUndefined();
    const before = await footprint(service);
    const response = await postGraphQL(service.url, FORWARD, { input: { ...input, personalIdentityCode: newPersonalIdentityCode() } }, kela);
    expect(response.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await footprint(service)).toEqual(before);
  });

  it('refuses a resend with changed amounts as CONFLICT naming the differing fields, writing nothing', async () => {
    const input = forwardInput();
    expect((await postGraphQL(service.url, FORWARD, { input }, kela)).errors).toBeUndefined();
    const before = await footprint(service);
    const changed = { ...input, urgent: !input.urgent, expenses: input.expenses.map((e: { claimedCents: number }) => ({ ...e, claimedCents: e.claimedCents + 1 })) };
    const response = await postGraphQL(service.url, FORWARD, { input: changed }, kela);
    expect(response.errors?.[0].extensions).toEqual({ code: 'CONFLICT', details: { reason: 'REFERENCE_CONTENT_DIFFERS', field: 'input.reference', differingFields: 'urgent,expenses' } });
    expect(response.errors?.[0].message).not.toContain(input.personalIdentityCode);
    expect(await footprint(service)).toEqual(before);
    // The same content again is still the first record.
    expect((await postGraphQL(service.url, FORWARD, { input }, kela)).errors).toBeUndefined();
    expect(await footprint(service)).toEqual(before);
  });

  it('matches the identity code to a client case announced (ClientRegistered with the lookup hash)', async () => {
    const code = newPersonalIdentityCode();
    const clientId = randomUUID();
    const event = createEnvelope(
      'ClientRegistered',
      1,
      'case',
      { clientId, registeredAt: '2026-11-02T09:30:00.000Z', personalIdentityCodeHash: protector.lookupHash(code) },
      { subject: clientId, correlationId: randomUUID() },
    );
    await produceRaw(topicOf('case', service.config.KAFKA_TOPIC_PREFIX), [{ key: clientId, value: JSON.stringify(event) }]);
    await eventually(async () => {
      const rows = await service.dataSource.query(`SELECT source FROM known_client WHERE client_id = $1`, [clientId]);
      expect(rows).toEqual([{ source: 'CASE' }]);
    });

    const input = forwardInput({ personalIdentityCode: code, kind: 'PREVENTIVE', student: true });
    expect((await postGraphQL(service.url, FORWARD, { input }, kela)).errors).toBeUndefined();
    const [application] = await service.dataSource.query(`SELECT client_id, queue FROM income_support_application WHERE kela_reference = $1`, [input.reference]);
    expect(application).toEqual({ client_id: clientId, queue: 'STUDENTS' });
    const received = (await outboxPayloads(service, 'KelaNoticeReceived')).filter((p) => p.clientId === clientId);
    expect(received).toHaveLength(1);
    expect(received[0].person).toBeNull();
  });

  it('takes every eTotu notice type but the transfer, idempotently, and shows notices on Client.kelaNotices in one query', async () => {
    const code = newPersonalIdentityCode();
    const types = ['NEED_FOR_SOCIAL_WORK', 'REDUCED_BASIC_AMOUNT', 'UNDER_25_UNEMPLOYED_4_MONTHS', 'OVER_25_UNEMPLOYED_12_MONTHS', 'IMMIGRANT_2_MONTHS'];
    const references: string[] = [];
    for (const noticeType of types) {
      const input = { reference: kelaReference(), noticeType, personalIdentityCode: code, urgent: noticeType === 'NEED_FOR_SOCIAL_WORK' };
      references.push(input.reference);
      const response = await postGraphQL(service.url, NOTICE, { input }, kela);
      expect(response.errors).toBeUndefined();
      expect(response.data.submitKelaNotice).toMatchObject({ reference: input.reference, noticeType });
      if (noticeType === 'NEED_FOR_SOCIAL_WORK') {
        const before = await footprint(service);
        const again = await postGraphQL(service.url, NOTICE, { input }, kela);
        expect(again.data).toEqual(response.data);
        expect(await footprint(service)).toEqual(before);
      }
    }
    const [{ client_id: clientId }] = await service.dataSource.query(`SELECT client_id FROM kela_notice WHERE kela_reference = $1`, [references[0]]);
    const received = (await outboxPayloads(service, 'KelaNoticeReceived')).filter((p) => p.clientId === clientId);
    expect(received.map((p) => p.noticeType)).toEqual(types);
    // All five went to the same client; case has not announced the person, so each carries the code, encrypted.
    expect(received.map((p) => p.person !== null)).toEqual([true, true, true, true, true]);

    const stranger = randomUUID();
    // Client fields need a client relationship: the social worker named on both clients' cases.
    for (const id of [clientId, stranger]) await caseOf(service, id);
    const socialWorker = await gatewayHeaders(SOCIAL_WORKER);
    let response: any;
    const queries = await countQueriesOn('kela_notice', async () => {
      response = await resolveClients(service.url, socialWorker, [clientId, stranger], 'id kelaNotices { noticeType urgent mustBeHandledSameDay opensOrAttachesCase priority activationFact { ageBand months } }');
    });
    expect(response.errors).toBeUndefined();
    expect(queries).toBe(1);
    const notices = response.data._entities[0].kelaNotices;
    expect(notices).toHaveLength(5);
    expect(notices).toContainEqual({ noticeType: 'NEED_FOR_SOCIAL_WORK', urgent: true, mustBeHandledSameDay: true, opensOrAttachesCase: true, priority: 'IMMEDIATE', activationFact: null });
    expect(notices).toContainEqual({
      noticeType: 'UNDER_25_UNEMPLOYED_4_MONTHS',
      urgent: false,
      mustBeHandledSameDay: false,
      opensOrAttachesCase: true,
      priority: 'NORMAL',
      activationFact: { ageBand: 'UNDER_25', months: 4 },
    });
    expect(response.data._entities[1]).toEqual({ id: stranger, kelaNotices: [] });
  });

  it('lets Kela read the processing status of what it forwarded, and nothing else', async () => {
    const input = forwardInput();
    await postGraphQL(service.url, FORWARD, { input }, kela);
    const status = await postGraphQL(service.url, STATUS, { reference: input.reference }, kela);
    expect(status.data).toEqual({ forwardedApplicationStatus: { reference: input.reference, status: 'RECEIVED' } });
    // Every answer to Kela is a disclosure (luovutusloki): who, which client, what, on what basis.
    const [{ client_id: clientId }] = await service.dataSource.query(`SELECT client_id FROM income_support_application WHERE kela_reference = $1`, [input.reference]);
    const disclosures = await service.dataSource.query(
      `SELECT log, actor_id, action, categories, basis, outcome FROM access_log WHERE client_id = $1 ORDER BY action`,
      [clientId],
    );
    expect(disclosures).toEqual([
      { log: 'DISCLOSURE', actor_id: 'kela-etotu-test', action: 'CHANGE', categories: ['benefits-handling:incomeSupportApplications'], basis: 'partner:KELA', outcome: 'ALLOWED' },
      { log: 'DISCLOSURE', actor_id: 'kela-etotu-test', action: 'READ', categories: ['benefits-handling:incomeSupportApplications'], basis: 'partner:KELA', outcome: 'ALLOWED' },
    ]);

    const unknown = await postGraphQL(service.url, STATUS, { reference: kelaReference() }, kela);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(unknown.data).toBeUndefined();
    const clientData = await postGraphQL(service.url, `query { incomeSupportQueue(queue: GENERAL) { counts { open } } }`, {}, kela);
    expect(clientData.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const entities = await resolveClients(service.url, kela, [randomUUID()], 'id incomeSupportApplications { id }');
    expect(entities.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const headers of [handler, await gatewayHeaders(EMPLOYMENT_SERVICES)]) {
      const refused = await postGraphQL(service.url, STATUS, { reference: input.reference }, headers);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('answers Kela about another partner client’s application exactly as about one that does not exist, and logs the refusal', async () => {
    const input = forwardInput();
    expect((await postGraphQL(service.url, FORWARD, { input }, kela)).errors).toBeUndefined();
    const [{ client_id: clientId }] = await service.dataSource.query(`SELECT client_id FROM income_support_application WHERE kela_reference = $1`, [input.reference]);
    const otherKelaClient: Identity = { kind: 'partner', partner: 'KELA', clientId: 'kela-another-client', organisation: 'Kela' };
    const asked = async (reference: string) => {
      const id = randomUUID();
      const response = await postGraphQL(service.url, STATUS, { reference }, { ...(await gatewayHeaders(otherKelaClient)), [CORRELATION_ID_HEADER]: id });
      return { response, log: await accessLogOf(service, id) };
    };
    const notTheirs = await asked(input.reference);
    const missing = await asked(kelaReference());
    expect(notTheirs.response.data).toBeUndefined();
    expect(notTheirs.response.errors?.map((e) => [e.message, e.extensions?.code])).toEqual(missing.response.errors?.map((e) => [e.message, e.extensions?.code]));
    expect(notTheirs.response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const refusal = { log: 'DISCLOSURE', actor_id: 'kela-another-client', action: 'READ', categories: ['benefits-handling:incomeSupportApplications'], basis: 'not forwarded by this partner', outcome: 'REFUSED' };
    expect(notTheirs.log).toEqual([{ ...refusal, client_id: clientId }]);
    expect(missing.log).toEqual([{ ...refusal, client_id: null }]);

    // A resend under the same reference by another client learns nothing of the first and creates nothing.
    const before = await footprint(service);
    const resend = await postGraphQL(service.url, FORWARD, { input }, await gatewayHeaders(otherKelaClient));
    expect(resend.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(resend.data).toBeUndefined();
    expect(await footprint(service)).toEqual(before);
  });

  it('never shows Kela an application the county registered', async () => {
    const clientId = await knownClient(service);
    await caseOf(service, clientId);
    const registered = await postGraphQL(
      service.url,
      `mutation ($input: RegisterIncomeSupportApplicationInput!) { registerIncomeSupportApplication(input: $input) { id kelaReference } }`,
      { input: { clientId, kind: 'SUPPLEMENTARY', channel: 'PAPER', receivedOn: '2026-11-02', expenses: [{ expenseType: 'MEDICINE', claimedCents: 1_000 }] } },
      await gatewayHeaders(SOCIAL_WORKER),
    );
    expect(registered.errors).toBeUndefined();
    expect(registered.data.registerIncomeSupportApplication.kelaReference).toBeNull();
    // Kela can only name an application by its own reference; the county's application id is no such reference.
    const id = randomUUID();
    const byId = await postGraphQL(service.url, STATUS, { reference: registered.data.registerIncomeSupportApplication.id }, { ...kela, [CORRELATION_ID_HEADER]: id });
    expect(byId.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(byId.data).toBeUndefined();
    expect((await accessLogOf(service, id)).map((row) => [row.log, row.outcome])).toEqual([['DISCLOSURE', 'REFUSED']]);
    const read = await postGraphQL(service.url, `query ($id: ID!) { incomeSupportApplication(id: $id) { status } }`, { id: registered.data.registerIncomeSupportApplication.id }, kela);
    expect(read.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  describe('refuses bad input with a clear code and writes nothing', () => {
    it.each([
      ['an invalid identity code', { personalIdentityCode: '131052-308X' }, 'BAD_USER_INPUT'],
      ['a negative amount', { expenses: [{ expenseType: 'RENT', claimedCents: -100 }] }, 'BAD_USER_INPUT'],
      ['an absurd amount', { expenses: [{ expenseType: 'RENT', claimedCents: 2_000_000_000 }] }, 'BAD_USER_INPUT'],
      ['a zero amount', { expenses: [{ expenseType: 'RENT', claimedCents: 0 }] }, 'BAD_USER_INPUT'],
      ['no expenses', { expenses: [] }, 'BAD_USER_INPUT'],
      ['a future arrival', { receivedOn: '2999-01-01' }, 'BAD_USER_INPUT'],
      ['an impossible date', { receivedOn: '2026-02-30' }, 'BAD_USER_INPUT'],
      ['a kind the county does not decide', { kind: 'BASIC' }, 'BAD_USER_INPUT'],
      ['a malformed reference', { reference: 'has spaces in it' }, 'BAD_USER_INPUT'],
    ])('forwarding with %s', async (_name, overrides, code) => {
      const before = await footprint(service);
      const response = await postGraphQL(service.url, FORWARD, { input: forwardInput(overrides) }, kela);
      expect(response.errors?.[0].extensions?.code).toBe(code);
      expect(JSON.stringify(response.errors)).not.toContain('131052-308X');
      expect(await footprint(service)).toEqual(before);
    });

    it.each([
      ['a transfer sent as a plain notice', { noticeType: 'NEED_FOR_SUPPLEMENTARY_OR_PREVENTIVE_SUPPORT' }, 'BAD_USER_INPUT'],
      ['an unknown notice type', { noticeType: 'SOMETHING_ELSE' }, 'BAD_USER_INPUT'],
      ['an invalid identity code', { personalIdentityCode: '010190-1234' }, 'BAD_USER_INPUT'],
    ])('a notice with %s', async (_name, overrides, code) => {
      const before = await footprint(service);
      const input = { reference: kelaReference(), noticeType: 'NEED_FOR_SOCIAL_WORK', personalIdentityCode: newPersonalIdentityCode(), ...overrides };
      const response = await postGraphQL(service.url, NOTICE, { input }, kela);
      expect(response.errors?.[0].extensions?.code).toBe(code);
      expect(await footprint(service)).toEqual(before);
    });

    it('refuses Kela operations to anyone but Kela', async () => {
      const before = await footprint(service);
      for (const headers of [handler, await gatewayHeaders(EMPLOYMENT_SERVICES)]) {
        const forward = await postGraphQL(service.url, FORWARD, { input: forwardInput() }, headers);
        expect(forward.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        const notice = await postGraphQL(service.url, NOTICE, { input: { reference: kelaReference(), noticeType: 'NEED_FOR_SOCIAL_WORK', personalIdentityCode: newPersonalIdentityCode() } }, headers);
        expect(notice.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
      expect(await footprint(service)).toEqual(before);
    });
  });
});
