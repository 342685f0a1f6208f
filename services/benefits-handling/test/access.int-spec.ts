import { randomUUID } from 'node:crypto';
import { CORRELATION_ID_HEADER, Identity } from '@asw/auth';
import { gatewayHeaders, postGraphQL, resolveClients, RunningSubgraph, startSubgraph } from '@asw/testing';
import { benefitsHandlingSubgraph } from '../src/benefits-handling.subgraph';
import {
  accessLogOf,
  APPLICATION_FIELDS,
  caseOf,
  footprint,
  HANDLER,
  HANDLER_OF_ANOTHER_TEAM,
  knownClient,
  OTHER_SOCIAL_WORKER,
  SOCIAL_WORKER,
  SUPERVISOR,
} from './benefits-test-support';

const READ = `query ($id: ID!) { incomeSupportApplication(id: $id) { ${APPLICATION_FIELDS} claimedExpenses { claimedCents } decisions { id } } }`;
const QUEUE = `query ($queue: IncomeSupportQueue!) { incomeSupportQueue(queue: $queue) { applications { id handlingTeam } counts { queue open } } }`;
const REGISTER = `mutation ($input: RegisterIncomeSupportApplicationInput!) { registerIncomeSupportApplication(input: $input) { id handlingTeam } }`;
const DECIDE = `mutation ($input: DecideIncomeSupportApplicationInput!) { decideIncomeSupportApplication(input: $input) { id applicationId } }`;
const CORRECT = `mutation ($input: CorrectIncomeSupportDecisionInput!) { correctIncomeSupportDecision(input: $input) { id } }`;
const REQUEST = `mutation ($input: RequestCompletionInput!) { requestIncomeSupportCompletion(input: $input) { id } }`;
const RESOLVE = `mutation ($input: ResolveCompletionInput!) { resolveIncomeSupportCompletion(input: $input) { id } }`;
const CONFIRM = `mutation ($input: ConfirmDraftInput!) { confirmIncomeSupportApplication(input: $input) { id } }`;
const ASSIGN = `mutation ($applicationId: ID!, $handlerId: String!) { assignIncomeSupportApplication(applicationId: $applicationId, handlerId: $handlerId) { id } }`;
const RECORD_CLAIM = `mutation ($input: RecordRecoveryClaimInput!) { recordRecoveryClaim(input: $input) { id } }`;
const APPLY_CLAIM = `mutation ($id: ID!) { applyRecoveryClaimToCourt(claimId: $id, appliedOn: "2026-11-23") { id } }`;
const COURT = `mutation ($input: RecordCourtDecisionInput!) { recordRecoveryCourtDecision(input: $input) { id } }`;

/** The supervisor of the social workers' team that holds the clients' cases (a client relationship), and one of a team that holds none. */
const CASE_TEAM_SUPERVISOR: Identity = { kind: 'user', userId: 'supervisor-as', roles: ['SUPERVISOR'], team: 'aikuissosiaalityo', organisation: 'test-county' };
const UNRELATED_SUPERVISOR: Identity = { kind: 'user', userId: 'supervisor-ls', roles: ['SUPERVISOR'], team: 'lastensuojelu', organisation: 'test-county' };

const LINE = { expenseType: 'MEDICINE', claimedCents: 4_000, grantedCents: 4_000, legalBasis: 'SUPPLEMENTARY_7C', payee: 'CLIENT' };

describe('who reaches an application: the handling team’s queue or a client relationship (real PostgreSQL and Kafka)', () => {
  let service: RunningSubgraph;

  beforeAll(async () => {
    service = await startSubgraph(benefitsHandlingSubgraph);
  });
  afterAll(() => service?.close());

  /** One request as `identity`, with the access-log lines it wrote. */
  const call = async (identity: Identity, query: string, variables: Record<string, unknown> = {}) => {
    const correlationId = randomUUID();
    const response = await postGraphQL(service.url, query, variables, { ...(await gatewayHeaders(identity)), [CORRELATION_ID_HEADER]: correlationId });
    return { response, log: await accessLogOf(service, correlationId) };
  };

  /** A client with a case (SOCIAL_WORKER named, team aikuissosiaalityo) and an application `by` registered (by default a handler of etuuskasittely). */
  const application = async (by: Identity = HANDLER, receivedOn = '2026-11-16') => {
    const clientId = await knownClient(service);
    await caseOf(service, clientId);
    const input = { clientId, kind: 'SUPPLEMENTARY', channel: 'PAPER', receivedOn, expenses: [{ expenseType: 'MEDICINE', claimedCents: 4_000 }] };
    const { response } = await call(by, REGISTER, { input });
    expect(response.errors).toBeUndefined();
    return { ...response.data.registerIncomeSupportApplication, clientId } as { id: string; clientId: string; handlingTeam: string };
  };

  const refusal = (clientId: string | null, action: 'READ' | 'CHANGE', actor: string, category = 'benefits-handling:incomeSupportApplications') => ({
    log: 'ACCESS',
    actor_id: actor,
    client_id: clientId,
    action,
    categories: [category],
    basis: 'no client relationship',
    outcome: 'REFUSED',
  });

  it('puts an application in the registering handler’s team’s queue, and those registered by others in the county’s handling team', async () => {
    expect((await application(HANDLER)).handlingTeam).toBe('etuuskasittely');
    expect((await application(HANDLER_OF_ANOTHER_TEAM)).handlingTeam).toBe('etuuskasittely-pohjoinen');
    expect((await application(SOCIAL_WORKER)).handlingTeam).toBe('etuuskasittely');
  });

  it('lets a handler of the team, and the team’s supervisor, read an application in its queue, logged with the queue as basis', async () => {
    const app = await application();
    for (const identity of [HANDLER, SUPERVISOR]) {
      const { response, log } = await call(identity, READ, { id: app.id });
      expect(response.errors).toBeUndefined();
      expect(response.data.incomeSupportApplication).toMatchObject({ id: app.id, handlingTeam: 'etuuskasittely', claimedExpenses: [{ claimedCents: 4_000 }] });
      expect(log).toEqual([
        { log: 'ACCESS', actor_id: (identity as { userId: string }).userId, client_id: app.clientId, action: 'READ', categories: ['benefits-handling:incomeSupportApplications'], basis: 'queue:etuuskasittely', outcome: 'ALLOWED' },
      ]);
    }
  });

  it('refuses a handler of another team the application by id: FORBIDDEN, nothing returned, the refusal logged', async () => {
    const app = await application();
    const { response, log } = await call(HANDLER_OF_ANOTHER_TEAM, READ, { id: app.id });
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(response.data?.incomeSupportApplication ?? null).toBeNull();
    expect(log).toEqual([refusal(app.clientId, 'READ', 'handler-9')]);
  });

  it('refuses a handler of another team every change by id (decide, correct, complete, assign, confirm, recovery): FORBIDDEN, nothing written, the refusal logged', async () => {
    const open = await application();
    const decidedApp = await application();
    const decided = await call(HANDLER, DECIDE, { input: { applicationId: decidedApp.id, lines: [LINE], decidedOn: '2026-11-20' } });
    expect(decided.response.errors).toBeUndefined();
    const decisionId = decided.response.data.decideIncomeSupportApplication.id;
    const claim = await call(HANDLER, RECORD_CLAIM, { input: { decisionId, ground: 'FALSE_INFORMATION', amountCents: 1_000 } });
    expect(claim.response.errors).toBeUndefined();
    const claimId = claim.response.data.recordRecoveryClaim.id;
    const requested = await application();
    const requestedApp = requested.id;
    expect((await call(HANDLER, REQUEST, { input: { applicationId: requestedApp, missing: 'tiliotteet', deadlineOn: '2026-11-30', requestedOn: '2026-11-17' } })).response.errors).toBeUndefined();

    const attempts: Array<[string, string, Record<string, unknown>, string, string]> = [
      ['decide', DECIDE, { input: { applicationId: open.id, lines: [LINE] } }, open.clientId, 'incomeSupportApplications'],
      ['correct a decision', CORRECT, { input: { decisionId, lines: [LINE] } }, decidedApp.clientId, 'incomeSupportDecisions'],
      ['request a completion', REQUEST, { input: { applicationId: open.id, missing: 'tiliotteet', deadlineOn: '2026-11-30' } }, open.clientId, 'incomeSupportApplications'],
      ['resolve a completion', RESOLVE, { input: { applicationId: requestedApp, resolution: 'COMPLETED', on: '2026-11-18' } }, requested.clientId, 'incomeSupportApplications'],
      ['take it', ASSIGN, { applicationId: open.id, handlerId: 'handler-9' }, open.clientId, 'incomeSupportApplications'],
      ['confirm it', CONFIRM, { input: { applicationId: open.id } }, open.clientId, 'incomeSupportApplications'],
      ['record a recovery claim', RECORD_CLAIM, { input: { decisionId, ground: 'FALSE_INFORMATION', amountCents: 500 } }, decidedApp.clientId, 'incomeSupportDecisions'],
      ['apply a claim to court', APPLY_CLAIM, { id: claimId }, decidedApp.clientId, 'recoveryClaims'],
      ['record the court’s decision', COURT, { input: { claimId, outcome: 'ORDERED', decidedOn: '2026-11-24' } }, decidedApp.clientId, 'recoveryClaims'],
    ];
    for (const [name, mutation, variables, clientId, category] of attempts) {
      const before = await footprint(service);
      const rows = await service.dataSource.query(`SELECT * FROM income_support_application WHERE id = ANY($1::uuid[]) ORDER BY id`, [[open.id, decidedApp.id, requestedApp]]);
      const { response, log } = await call(HANDLER_OF_ANOTHER_TEAM, mutation, variables);
      expect([name, response.errors?.[0].extensions?.code]).toEqual([name, 'FORBIDDEN']);
      expect(response.data ?? null).toBeNull();
      expect(await footprint(service)).toEqual(before);
      expect(await service.dataSource.query(`SELECT * FROM income_support_application WHERE id = ANY($1::uuid[]) ORDER BY id`, [[open.id, decidedApp.id, requestedApp]])).toEqual(rows);
      expect([name, log]).toEqual([name, [refusal(clientId, 'CHANGE', 'handler-9', `benefits-handling:${category}`)]]);
    }
    // The handlers of the application's own team still decide it.
    const own = await call(HANDLER, DECIDE, { input: { applicationId: open.id, lines: [LINE] } });
    expect(own.response.errors).toBeUndefined();
    expect(own.log.map((row) => [row.action, row.basis, row.outcome])).toEqual([['CHANGE', 'queue:etuuskasittely', 'ALLOWED']]);
  });

  it('keeps each team’s queue to its own applications, counts included', async () => {
    const ours = await application(HANDLER, '2026-11-02');
    const theirs = await application(HANDLER_OF_ANOTHER_TEAM, '2026-11-02');
    const queueOf = async (identity: Identity) => {
      const { response, log } = await call(identity, QUEUE, { queue: 'GENERAL' });
      expect(response.errors).toBeUndefined();
      return { ids: response.data.incomeSupportQueue.applications.map((a: { id: string }) => a.id), view: response.data.incomeSupportQueue, log };
    };
    const own = await queueOf(HANDLER);
    expect(own.ids).toContain(ours.id);
    expect(own.ids).not.toContain(theirs.id);
    expect(own.view.applications.every((a: { handlingTeam: string }) => a.handlingTeam === 'etuuskasittely')).toBe(true);
    expect(own.log.filter((row) => row.client_id === ours.clientId).map((row) => row.basis)).toEqual(['queue:etuuskasittely']);
    expect(own.log.some((row) => row.client_id === theirs.clientId)).toBe(false);

    const other = await queueOf(HANDLER_OF_ANOTHER_TEAM);
    expect(other.ids).toContain(theirs.id);
    expect(other.ids).not.toContain(ours.id);
    const [{ n }] = await service.dataSource.query(
      `SELECT count(*)::int AS n FROM income_support_application WHERE handling_team = 'etuuskasittely-pohjoinen' AND queue = 'GENERAL' AND status <> 'DECIDED'`,
    );
    expect(other.view.counts.find((c: { queue: string }) => c.queue === 'GENERAL').open).toBe(n);
  });

  it('lets other workers reach an application only through a client relationship, logged with it as basis', async () => {
    const app = await application();
    const allowed: Array<[Identity, string]> = [
      [SOCIAL_WORKER, 'relationship:NAMED_WORKER'],
      [CASE_TEAM_SUPERVISOR, 'relationship:TEAM_SUPERVISOR'],
    ];
    for (const [identity, basis] of allowed) {
      const { response, log } = await call(identity, READ, { id: app.id });
      expect(response.errors).toBeUndefined();
      expect(response.data.incomeSupportApplication.id).toBe(app.id);
      expect(log.map((row) => [row.client_id, row.action, row.basis, row.outcome])).toEqual([[app.clientId, 'READ', basis, 'ALLOWED']]);
    }
    for (const identity of [OTHER_SOCIAL_WORKER, UNRELATED_SUPERVISOR]) {
      const { response, log } = await call(identity, READ, { id: app.id });
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(response.data?.incomeSupportApplication ?? null).toBeNull();
      expect(log).toEqual([refusal(app.clientId, 'READ', (identity as { userId: string }).userId)]);
    }
  });

  it('refuses a worker without a relationship by id in a mutation, and registering for the client: nothing written, the refusal logged', async () => {
    const app = await application();
    const attempts: Array<[string, Record<string, unknown>]> = [
      [DECIDE, { input: { applicationId: app.id, lines: [LINE] } }],
      [REGISTER, { input: { clientId: app.clientId, kind: 'PREVENTIVE', channel: 'FRONT_DESK', receivedOn: '2026-11-16', urgent: true, expenses: [{ expenseType: 'RENT', claimedCents: 50_000 }] } }],
    ];
    for (const [mutation, variables] of attempts) {
      const before = await footprint(service);
      const { response, log } = await call(OTHER_SOCIAL_WORKER, mutation, variables);
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(response.data ?? null).toBeNull();
      expect(await footprint(service)).toEqual(before);
      expect(log).toEqual([refusal(app.clientId, 'CHANGE', 'social-worker-2')]);
    }
    // The named worker decides the urgent matter at once.
    const named = await call(SOCIAL_WORKER, DECIDE, { input: { applicationId: app.id, lines: [LINE] } });
    expect(named.response.errors).toBeUndefined();
    expect(named.log.map((row) => [row.action, row.basis])).toEqual([['CHANGE', 'relationship:NAMED_WORKER']]);
  });

  it('lists for a worker only the applications of clients they work with, and ends access when the case closes', async () => {
    const related = await application();
    const unrelated = await application();
    const closed = await application();
    await service.dataSource.query(`UPDATE case_relationships SET named_worker = 'social-worker-2' WHERE client_id = $1`, [unrelated.clientId]);
    await service.dataSource.query(`UPDATE case_relationships SET open = false WHERE client_id = $1`, [closed.clientId]);
    const { response, log } = await call(SOCIAL_WORKER, QUEUE, { queue: 'GENERAL' });
    expect(response.errors).toBeUndefined();
    const ids = response.data.incomeSupportQueue.applications.map((a: { id: string }) => a.id);
    expect(ids).toContain(related.id);
    expect(ids).not.toContain(unrelated.id);
    expect(ids).not.toContain(closed.id);
    expect(log.filter((row) => row.client_id === related.clientId).map((row) => row.basis)).toEqual(['relationship:NAMED_WORKER']);
    expect(log.some((row) => [unrelated.clientId, closed.clientId].includes(row.client_id!))).toBe(false);
  });

  it('gives Client.incomeSupportApplications with a relationship (all of them) or through a team’s queue (those in it); refuses anyone else, logged', async () => {
    const app = await application();
    const registered = await call(HANDLER_OF_ANOTHER_TEAM, REGISTER, {
      input: { clientId: app.clientId, kind: 'SUPPLEMENTARY', channel: 'PAPER', receivedOn: '2026-11-17', expenses: [{ expenseType: 'MEDICINE', claimedCents: 1_000 }] },
    });
    expect(registered.response.errors).toBeUndefined();
    const theirs = registered.response.data.registerIncomeSupportApplication.id;
    const onlyOurs = await application();
    const entities = async (identity: Identity, ids: string[], selection = 'id incomeSupportApplications { id }') => {
      const correlationId = randomUUID();
      const response = await resolveClients(service.url, { ...(await gatewayHeaders(identity)), [CORRELATION_ID_HEADER]: correlationId }, ids, selection);
      return { response, log: await accessLogOf(service, correlationId) };
    };
    const ids = (response: { data?: { _entities: Array<{ incomeSupportApplications: Array<{ id: string }> }> } | null }) =>
      response.data!._entities.map((client) => client.incomeSupportApplications.map((a) => a.id).sort());

    const named = await entities(SOCIAL_WORKER, [app.clientId]);
    expect(named.response.errors).toBeUndefined();
    expect(ids(named.response)).toEqual([[app.id, theirs].sort()]);
    for (const [identity, own, basis] of [
      [HANDLER, app.id, 'queue:etuuskasittely'],
      [HANDLER_OF_ANOTHER_TEAM, theirs, 'queue:etuuskasittely-pohjoinen'],
    ] as const) {
      const { response, log } = await entities(identity, [app.clientId]);
      expect(response.errors).toBeUndefined();
      expect(ids(response)).toEqual([[own]]);
      expect(new Set(log.map((row) => [row.client_id, row.action, row.basis, row.outcome].join(' ')))).toEqual(new Set([`${app.clientId} READ ${basis} ALLOWED`]));
    }
    // Refused: a worker without a relationship; a handler whose team's queue holds nothing of the client.
    const refused: Array<[Identity, string, string]> = [
      [OTHER_SOCIAL_WORKER, onlyOurs.clientId, 'id incomeSupportApplications { id }'],
      [HANDLER_OF_ANOTHER_TEAM, onlyOurs.clientId, 'id incomeSupportApplications { id }'],
    ];
    for (const [identity, clientId, selection] of refused) {
      const { response, log } = await entities(identity, [clientId], selection);
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(response.data?._entities?.[0]?.incomeSupportApplications ?? null).toBeNull();
      expect(log.map((row) => [row.client_id, row.outcome])).toEqual([[clientId, 'REFUSED']]);
    }
    // Through the queue, anything beyond the applications (Kela's notices) fails on its own path and
    // the applications still answer (issue #15).
    const partly = await entities(HANDLER, [app.clientId], 'id incomeSupportApplications { id } kelaNotices { id }');
    expect(partly.response.errors?.map((error) => [error.extensions?.code, error.path?.slice(-1)[0]])).toEqual([['FORBIDDEN', 'kelaNotices']]);
    expect(partly.response.data?._entities).toEqual([{ id: app.clientId, incomeSupportApplications: [{ id: app.id }], kelaNotices: null }]);
    expect(new Set(partly.log.map((row) => [row.basis, row.outcome, row.categories.join()].join(' ')))).toEqual(
      new Set(['queue:etuuskasittely ALLOWED benefits-handling:incomeSupportApplications', 'no client relationship REFUSED benefits-handling:kelaNotices']),
    );
  });

  it('answers an unknown id exactly as one out of reach (FORBIDDEN) and a malformed one BAD_USER_INPUT, before any access is granted', async () => {
    for (const [id, code] of [[randomUUID(), 'FORBIDDEN'], ['not-a-uuid', 'BAD_USER_INPUT']]) {
      const { response } = await call(HANDLER_OF_ANOTHER_TEAM, READ, { id });
      expect(response.errors?.[0].extensions?.code).toBe(code);
    }
  });
});
