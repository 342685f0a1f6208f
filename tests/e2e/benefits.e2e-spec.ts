import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Identity } from '@asw/auth';
import { personalIdentityCodeCheckCharacter } from '@asw/personal-identity-code';
import { eventually, TEST_WORKER } from '@asw/testing';
import { RunningGraph, startGraph } from '../support/graph.harness';

// Plain-language description: benefits.feature.md beside this file.
describe('benefits handling through the gateway: Kela forwards, a handler decides, Kela sees the status', () => {
  let graph: RunningGraph;
  let worker: string;
  let handler: string;
  let kela: string;

  const HANDLER: Identity = { kind: 'user', userId: 'handler-e2e', roles: ['BENEFITS_HANDLER'], team: 'etuuskasittely', organisation: 'test-county' };
  const KELA: Identity = { kind: 'partner', partner: 'KELA', clientId: 'kela-etotu', organisation: 'Kela' };
  // A handler of another team's queue, a social worker with no case of the client, and another Kela client.
  const NORTH_HANDLER: Identity = { kind: 'user', userId: 'handler-e2e-north', roles: ['BENEFITS_HANDLER'], team: 'etuuskasittely-pohjoinen', organisation: 'test-county' };
  const UNRELATED_WORKER: Identity = { kind: 'user', userId: 'worker-e2e-unrelated', roles: ['SOCIAL_WORKER'], team: 'team-test', organisation: 'test-county' };
  const OTHER_KELA: Identity = { kind: 'partner', partner: 'KELA', clientId: 'kela-other-client', organisation: 'Kela' };

  // Kela's documents, byte for byte as Kela sends them (the gateway admits a partner only to allow-listed ones).
  const KELA_OPERATIONS = join(__dirname, '../../gateway/partner-operations');
  const kelaDocument = (name: string) => readFileSync(join(KELA_OPERATIONS, 'KELA', `${name}.graphql`), 'utf8');
  const FORWARD = kelaDocument('forward-income-support-application');
  const STATUS = kelaDocument('forwarded-application-status');
  // Allow-listed here only to show that benefits-handling refuses it by itself (no subgraph trusts the gateway).
  const QUEUE = `query Queue { incomeSupportQueue(queue: GENERAL) { counts { open } } }`;

  function kelaOperations(): string {
    const dir = mkdtempSync(join(tmpdir(), 'asw-partner-operations-'));
    cpSync(KELA_OPERATIONS, dir, { recursive: true });
    writeFileSync(join(dir, 'KELA', 'queue.graphql'), QUEUE);
    return dir;
  }

  beforeAll(async () => {
    graph = await startGraph({ PARTNER_OPERATIONS_DIR: kelaOperations() });
    [worker, handler, kela] = await Promise.all([graph.token(TEST_WORKER), graph.token(HANDLER), graph.token(KELA)]);
  });
  afterAll(() => graph?.close());

  /** The open application with Kela's reference in the caller's GENERAL queue, or undefined. */
  async function inQueue(token: string, reference: string): Promise<any> {
    const queue = await graph.request(
      `query { incomeSupportQueue(queue: GENERAL) { applications { id clientId kind status queue handlingTeam receivedOn decisionDueOn kelaReference } } }`,
      {},
      token,
    );
    expect(queue.errors).toBeUndefined();
    return queue.data.incomeSupportQueue.applications.find((a: { kelaReference: string | null }) => a.kelaReference === reference);
  }

  const rows = async (table: string) => Number((await graph.subgraphs['benefits-handling'].dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  /**
   * A social worker registers the client in case and opens a case (so works on it: a client
   * relationship); benefits-handling learns the id and the code's lookup hash from ClientRegistered, and
   * who works on the case from CaseRelationshipsChanged.
   */
  async function registerClient(personalIdentityCode: string, firstName: string, lastName: string): Promise<string> {
    const registered = await graph.request(
      `mutation ($input: RegisterClientInput!) { registerClient(input: $input) { id } }`,
      { input: { personalIdentityCode, firstName, lastName, municipalityCode: '179', preferredLanguage: 'FI' } },
      worker,
    );
    expect(registered.errors).toBeUndefined();
    const clientId = registered.data.registerClient.id;
    const opened = await graph.request(`mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { clientId, initiationChannel: 'APPLICATION' } }, worker);
    expect(opened.errors).toBeUndefined();
    await eventually(async () => {
      const known = await graph.subgraphs['benefits-handling'].dataSource.query(`SELECT 1 FROM known_client WHERE client_id = $1`, [clientId]);
      expect(known).toHaveLength(1);
      const relationships = await graph.subgraphs['benefits-handling'].dataSource.query(`SELECT 1 FROM case_relationships WHERE client_id = $1`, [clientId]);
      expect(relationships).toHaveLength(1);
    });
    return clientId;
  }

  it('registers, deadlines over Easter, ignores a resend, decides, and shows Kela only the status', async () => {
    // Temporary-range individual number (900–999): valid, and nobody's real identity code.
    const code = `020390-950${personalIdentityCodeCheckCharacter('020390', '950')}`;
    const clientId = await registerClient(code, 'Eero', 'Mäkinen');

    const reference = `KELA/${randomUUID().slice(0, 13)}`;
    const input = {
      reference,
      personalIdentityCode: code,
      kind: 'SUPPLEMENTARY',
      receivedOn: '2026-04-02', // the Thursday before Easter
      expenses: [{ expenseType: 'MEDICINE', claimedCents: 6_480 }, { expenseType: 'HEALTHCARE', claimedCents: 3_500 }],
    };
    const forwarded = await graph.request(FORWARD, { input }, kela);
    expect(forwarded.errors).toBeUndefined();
    expect(forwarded.data.forwardIncomeSupportApplication).toEqual({ reference, status: 'RECEIVED' });

    // The handler finds it in the team's queue; the social worker on the client's case sees it on the client.
    const application = await inQueue(handler, reference);
    expect(application).toMatchObject({ clientId, kind: 'SUPPLEMENTARY', status: 'RECEIVED', queue: 'GENERAL', handlingTeam: 'etuuskasittely', receivedOn: '2026-04-02', decisionDueOn: '2026-04-15' });
    const CLIENT = `query ($id: ID!) { client(id: $id) { id incomeSupportApplications { id kind status queue receivedOn decisionDueOn kelaReference } } }`;
    const seen = await graph.request(CLIENT, { id: clientId }, worker);
    expect(seen.errors).toBeUndefined();
    expect(seen.data.client.incomeSupportApplications).toEqual([
      { id: application.id, kind: 'SUPPLEMENTARY', status: 'RECEIVED', queue: 'GENERAL', receivedOn: '2026-04-02', decisionDueOn: '2026-04-15', kelaReference: reference },
    ]);

    const before = { applications: await rows('income_support_application'), notices: await rows('kela_notice'), outbox: await rows('outbox') };
    const resent = await graph.request(FORWARD, { input }, kela);
    expect(resent.data).toEqual(forwarded.data);
    expect({ applications: await rows('income_support_application'), notices: await rows('kela_notice'), outbox: await rows('outbox') }).toEqual(before);

    const decided = await graph.request(
      `mutation ($input: DecideIncomeSupportApplicationInput!) { decideIncomeSupportApplication(input: $input) { outcome grantedTotalCents sentOn deemedReceivedOn appealDeadline } }`,
      {
        input: {
          applicationId: application.id,
          decidedOn: '2026-04-14',
          sentOn: '2026-04-14',
          lines: [
            { expenseType: 'MEDICINE', claimedCents: 6_480, grantedCents: 6_480, legalBasis: 'SUPPLEMENTARY_7C', payee: 'CLIENT' },
            { expenseType: 'HEALTHCARE', claimedCents: 3_500, grantedCents: 0, reason: 'Kela korvaa', legalBasis: 'SUPPLEMENTARY_7C', payee: 'CLIENT' },
          ],
        },
      },
      handler,
    );
    expect(decided.errors).toBeUndefined();
    expect(decided.data.decideIncomeSupportApplication).toEqual({
      outcome: 'PARTIALLY_GRANTED',
      grantedTotalCents: 6_480,
      sentOn: '2026-04-14',
      deemedReceivedOn: '2026-04-21',
      appealDeadline: '2026-05-21',
    });

    // The decision event reaches the case service: the client's timeline shows it.
    const TIMELINE = `query ($id: ID!) { client(id: $id) { timeline(first: 20) { edges { node { kind summary } } } } }`;
    await eventually(async () => {
      const timeline = await graph.request(TIMELINE, { id: clientId }, worker);
      expect(timeline.errors).toBeUndefined();
      expect(timeline.data.client.timeline.edges.map((edge: { node: unknown }) => edge.node)).toContainEqual({
        kind: 'INCOME_SUPPORT_DECISION',
        summary: 'SUPPLEMENTARY income support PARTIALLY_GRANTED',
      });
    });

    const status = await graph.request(STATUS, { reference }, kela);
    expect(status.data).toEqual({ forwardedApplicationStatus: { reference, status: 'DECIDED' } });
    const clientData = await graph.request(CLIENT, { id: clientId }, kela);
    expect(clientData.data?.client?.incomeSupportApplications ?? null).toBeNull();
    expect(clientData.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const queue = await graph.request(QUEUE, {}, kela);
    expect(queue.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('takes an eTotu notice from Kela once, and shows it on the client', async () => {
    const code = `020390-951${personalIdentityCodeCheckCharacter('020390', '951')}`;
    const clientId = await registerClient(code, 'Liisa', 'Nieminen');
    const input = { reference: `KELA/${randomUUID().slice(0, 13)}`, noticeType: 'NEED_FOR_SOCIAL_WORK', personalIdentityCode: code, urgent: true };
    const first = await graph.request(kelaDocument('submit-kela-notice'), { input }, kela);
    expect(first.errors).toBeUndefined();
    expect(first.data.submitKelaNotice).toMatchObject({ reference: input.reference, noticeType: 'NEED_FOR_SOCIAL_WORK' });
    const again = await graph.request(kelaDocument('submit-kela-notice'), { input }, kela);
    expect(again.data).toEqual(first.data);
    expect(await rows('kela_notice')).toBe(2); // this notice and the first test's transfer

    const seen = await graph.request(`query ($id: ID!) { client(id: $id) { kelaNotices { noticeType urgent mustBeHandledSameDay } } }`, { id: clientId }, worker);
    expect(seen.errors).toBeUndefined();
    expect(seen.data.client.kelaNotices).toEqual([{ noticeType: 'NEED_FOR_SOCIAL_WORK', urgent: true, mustBeHandledSameDay: true }]);
  });

  it('keeps an application to its team’s queue and the client’s workers, and Kela to what it forwarded itself', async () => {
    const code = `020390-952${personalIdentityCodeCheckCharacter('020390', '952')}`;
    const clientId = await registerClient(code, 'Ville', 'Koskinen');
    const reference = `KELA/${randomUUID().slice(0, 13)}`;
    const input = { reference, personalIdentityCode: code, kind: 'PREVENTIVE', receivedOn: '2026-11-02', expenses: [{ expenseType: 'RENT', claimedCents: 45_000 }] };
    expect((await graph.request(FORWARD, { input }, kela)).errors).toBeUndefined();
    const application = await inQueue(handler, reference);
    expect(application).toMatchObject({ clientId, handlingTeam: 'etuuskasittely' });
    const [north, unrelated, otherKela] = await Promise.all([graph.token(NORTH_HANDLER), graph.token(UNRELATED_WORKER), graph.token(OTHER_KELA)]);
    const log = (actor: string) =>
      graph.subgraphs['benefits-handling'].dataSource.query(`SELECT action, basis, outcome FROM access_log WHERE client_id = $1 AND actor_id = $2 ORDER BY id`, [clientId, actor]);

    // A handler of another team: not in their queue, not by id, not on the client, and cannot decide it.
    expect(await inQueue(north, reference)).toBeUndefined();
    const byId = await graph.request(`query ($id: ID!) { incomeSupportApplication(id: $id) { id status } }`, { id: application.id }, north);
    expect(byId.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(byId.data?.incomeSupportApplication ?? null).toBeNull();
    const before = { applications: await rows('income_support_application'), decisions: await rows('income_support_decision'), outbox: await rows('outbox') };
    const decide = await graph.request(
      `mutation ($input: DecideIncomeSupportApplicationInput!) { decideIncomeSupportApplication(input: $input) { id } }`,
      { input: { applicationId: application.id, lines: [{ expenseType: 'RENT', claimedCents: 45_000, grantedCents: 45_000, legalBasis: 'PREVENTIVE_13', payee: 'LANDLORD' }] } },
      north,
    );
    expect(decide.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect({ applications: await rows('income_support_application'), decisions: await rows('income_support_decision'), outbox: await rows('outbox') }).toEqual(before);
    const onClient = await graph.request(`query ($id: ID!) { client(id: $id) { incomeSupportApplications { id } } }`, { id: clientId }, north);
    expect(onClient.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(onClient.data?.client?.incomeSupportApplications ?? null).toBeNull();
    expect(await log('handler-e2e-north')).toEqual([
      { action: 'READ', basis: 'no client relationship', outcome: 'REFUSED' },
      { action: 'CHANGE', basis: 'no client relationship', outcome: 'REFUSED' },
    ]);
    // The client itself is refused by case: no application of the client in the north team's queue (issue #13 item 2).
    expect(
      await graph.subgraphs.case.dataSource.query(`SELECT action, basis, outcome FROM access_log WHERE client_id = $1 AND actor_id = 'handler-e2e-north' ORDER BY id`, [clientId]),
    ).toEqual([{ action: 'READ', basis: 'no client relationship', outcome: 'REFUSED' }]);

    // A social worker with no case of the client sees none of it.
    const unrelatedRead = await graph.request(`query ($id: ID!) { client(id: $id) { incomeSupportApplications { id } } }`, { id: clientId }, unrelated);
    expect(unrelatedRead.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(unrelatedRead.data?.client?.incomeSupportApplications ?? null).toBeNull();
    expect(await inQueue(unrelated, reference)).toBeUndefined();

    // The team's handler reads it, on the queue's basis: by id, and on the client (the client's basic
    // details from case, the applications in the team's queue from benefits-handling).
    expect((await graph.request(`query ($id: ID!) { incomeSupportApplication(id: $id) { id } }`, { id: application.id }, handler)).errors).toBeUndefined();
    const throughClient = await graph.request(`query ($id: ID!) { client(id: $id) { id incomeSupportApplications { id handlingTeam } } }`, { id: clientId }, handler);
    expect(throughClient.errors).toBeUndefined();
    expect(throughClient.data.client).toEqual({ id: clientId, incomeSupportApplications: [{ id: application.id, handlingTeam: 'etuuskasittely' }] });
    // Three reads on record: the queue listing above, the application by id, the client's applications.
    expect(await log('handler-e2e')).toEqual(Array(3).fill({ action: 'READ', basis: 'queue:etuuskasittely', outcome: 'ALLOWED' }));

    // Another Kela client asking about this reference gets the answer an unknown reference gets, on record.
    const notTheirs = await graph.request(STATUS, { reference }, otherKela);
    const unknown = await graph.request(STATUS, { reference: `KELA/${randomUUID().slice(0, 13)}` }, otherKela);
    expect(notTheirs.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(notTheirs.errors?.map((e) => e.message)).toEqual(unknown.errors?.map((e) => e.message));
    expect(notTheirs.data?.forwardedApplicationStatus ?? null).toBeNull();
    expect(await log('kela-other-client')).toEqual([{ action: 'READ', basis: 'not forwarded by this partner', outcome: 'REFUSED' }]);
    expect((await graph.request(STATUS, { reference }, kela)).data).toEqual({ forwardedApplicationStatus: { reference, status: 'RECEIVED' } });
  });

  it('refuses a decision with wrong content (every problem at once) and a changed Kela resend (CONFLICT naming the fields), writing nothing', async () => {
    const code = `020390-953${personalIdentityCodeCheckCharacter('020390', '953')}`;
    await registerClient(code, 'Eila', 'Laine');
    const reference = `KELA/${randomUUID().slice(0, 13)}`;
    const input = {
      reference,
      personalIdentityCode: code,
      kind: 'SUPPLEMENTARY',
      receivedOn: '2026-04-02',
      expenses: [{ expenseType: 'MEDICINE', claimedCents: 6_480 }, { expenseType: 'HEALTHCARE', claimedCents: 3_500 }],
    };
    expect((await graph.request(FORWARD, { input }, kela)).errors).toBeUndefined();
    const application = await inQueue(handler, reference);
    const footprint = async () => ({ applications: await rows('income_support_application'), decisions: await rows('income_support_decision'), outbox: await rows('outbox') });
    const before = await footprint();

    // Kela resends the reference with another amount: CONFLICT naming what differs, not the values.
    const changed = await graph.request(FORWARD, { input: { ...input, expenses: [input.expenses[0], { expenseType: 'HEALTHCARE', claimedCents: 3_600 }] } }, kela);
    expect(changed.data ?? null).toBeNull();
    expect(changed.errors?.[0].extensions).toEqual({ code: 'CONFLICT', details: { reason: 'REFERENCE_CONTENT_DIFFERS', field: 'input.reference', differingFields: 'expenses' } });
    expect(JSON.stringify(changed.errors)).not.toContain(code);

    // A SUPPLEMENTARY application decided under 13 §, a claimed line left undecided, an unclaimed line granted without a reason.
    const DECIDE = `mutation ($input: DecideIncomeSupportApplicationInput!) { decideIncomeSupportApplication(input: $input) { id outcome } }`;
    const wrong = await graph.request(
      DECIDE,
      {
        input: {
          applicationId: application.id,
          decidedOn: '2026-04-14',
          lines: [
            { expenseType: 'MEDICINE', claimedCents: 6_480, grantedCents: 6_480, legalBasis: 'PREVENTIVE_13', payee: 'CLIENT' },
            { expenseType: 'HOUSEHOLD_GOODS', claimedCents: 20_000, grantedCents: 20_000, legalBasis: 'SUPPLEMENTARY_7C', payee: 'CLIENT' },
          ],
        },
      },
      handler,
    );
    expect(wrong.data ?? null).toBeNull();
    expect(wrong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((wrong.errors?.[0].extensions?.details as { problems: Array<{ field: string; reason: string }> }).problems.map((p) => `${p.field} ${p.reason}`)).toEqual([
      'input.lines[0].legalBasis LEGAL_BASIS_DOES_NOT_FIT_KIND',
      'input.lines CLAIMED_EXPENSE_UNDECIDED',
      'input.lines[1].reason UNCLAIMED_LINE_NEEDS_REASON',
    ]);
    expect(await footprint()).toEqual(before);
    expect((await inQueue(handler, reference)).status).toBe('RECEIVED');

    // The same resend as first sent is answered with the first record; the corrected decision goes through.
    expect((await graph.request(FORWARD, { input }, kela)).data.forwardIncomeSupportApplication).toEqual({ reference, status: 'RECEIVED' });
    const right = await graph.request(
      DECIDE,
      {
        input: {
          applicationId: application.id,
          decidedOn: '2026-04-14',
          lines: [
            { expenseType: 'MEDICINE', claimedCents: 6_480, grantedCents: 6_480, legalBasis: 'SUPPLEMENTARY_7C', payee: 'CLIENT' },
            { expenseType: 'HEALTHCARE', claimedCents: 3_500, grantedCents: 3_500, legalBasis: 'SUPPLEMENTARY_7C', payee: 'CLIENT' },
          ],
        },
      },
      handler,
    );
    expect(right.errors).toBeUndefined();
    expect(right.data.decideIncomeSupportApplication.outcome).toBe('GRANTED');
  });
});
