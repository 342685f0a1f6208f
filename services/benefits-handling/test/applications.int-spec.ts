import { randomUUID } from 'node:crypto';
import { dueStatus, LocalDate, mondayToFridayCalendar, todayInFinland } from '@asw/calendar';
import { createEnvelope, topicOf } from '@asw/events';
import { countQueriesOn, eventually, gatewayHeaders, postGraphQL, produceRaw, resolveClients, RunningSubgraph, startSubgraph } from '@asw/testing';
import { benefitsHandlingSubgraph } from '../src/benefits-handling.subgraph';
import { APPLICATION_FIELDS, caseOf, footprint, HANDLER, KELA, knownClient, NURSE, OTHER_HANDLER, outboxPayloads, SOCIAL_WORKER, SUPERVISOR } from './benefits-test-support';

const REGISTER = `mutation ($input: RegisterIncomeSupportApplicationInput!) { registerIncomeSupportApplication(input: $input) { ${APPLICATION_FIELDS} } }`;
const REQUEST = `mutation ($input: RequestCompletionInput!) { requestIncomeSupportCompletion(input: $input) { ${APPLICATION_FIELDS} completionRequests { requestedOn deadlineOn missing sentWithinDeadline resolution resolvedOn } } }`;
const RESOLVE = `mutation ($input: ResolveCompletionInput!) { resolveIncomeSupportCompletion(input: $input) { ${APPLICATION_FIELDS} completionRequests { resolution resolvedOn } } }`;
const ASSIGN = `mutation ($applicationId: ID!, $handlerId: String!) { assignIncomeSupportApplication(applicationId: $applicationId, handlerId: $handlerId) { id assignedHandlerId } }`;
const QUEUE = `query ($queue: IncomeSupportQueue!, $assigned: String) { incomeSupportQueue(queue: $queue, assignedHandlerId: $assigned) {
  queue applications { id decisionDueOn overdue } counts { queue open overdue unassigned } } }`;

describe('income support applications (real PostgreSQL and Kafka)', () => {
  let service: RunningSubgraph;
  let handler: Record<string, string>;

  beforeAll(async () => {
    service = await startSubgraph(benefitsHandlingSubgraph);
    handler = await gatewayHeaders(HANDLER);
  });
  afterAll(() => service?.close());

  const registerInput = async (overrides: Record<string, unknown> = {}) => ({
    clientId: await knownClient(service),
    kind: 'SUPPLEMENTARY',
    channel: 'PAPER',
    receivedOn: '2026-09-01',
    urgent: false,
    student: false,
    expenses: [{ expenseType: 'HEALTHCARE', claimedCents: 12_000 }],
    ...overrides,
  });

  const register = async (overrides: Record<string, unknown> = {}) => {
    const response = await postGraphQL(service.url, REGISTER, { input: await registerInput(overrides) }, handler);
    expect(response.errors).toBeUndefined();
    return response.data.registerIncomeSupportApplication;
  };

  it.each([
    // arrival, urgent → decision due (Monday–Friday working days, Finnish holidays skipped)
    ['2026-04-02', false, '2026-04-15'], // Maundy Thursday: Good Friday and Easter Monday skipped
    ['2026-04-02', true, '2026-04-07'],
    ['2026-06-18', false, '2026-06-30'], // Midsummer Eve (19.6.) skipped
    ['2025-12-23', false, '2026-01-08'], // Christmas Eve, Christmas, Boxing Day, New Year, Epiphany skipped
    ['2025-12-23', true, '2025-12-29'],
    ['2026-09-04', true, '2026-09-07'], // urgent on a Friday: next working day is Monday
  ])('an application arriving %s (urgent %s) is due %s, and the front desk’s urgent one goes to the urgent queue', async (receivedOn, urgent, due) => {
    const application = await register({ receivedOn, urgent, channel: urgent ? 'FRONT_DESK' : 'PAPER' });
    expect(application).toMatchObject({ status: 'RECEIVED', receivedOn, decisionDueOn: due, queue: urgent ? 'URGENT' : 'GENERAL', decidedWithinDeadline: null });
    const expected = dueStatus(due as LocalDate, todayInFinland(), mondayToFridayCalendar);
    expect(application).toMatchObject({ overdue: expected.overdue, dueInWorkingDays: expected.dueInWorkingDays });
    const [event] = (await outboxPayloads(service, 'IncomeSupportApplicationRegistered')).filter((p) => p.applicationId === application.id);
    expect(event).toMatchObject({ clientId: application.clientId, decisionDueOn: due, channel: application.channel });
  });

  it('computes overdue and dueInWorkingDays against today for an application arriving today', async () => {
    const today = todayInFinland();
    const application = await register({ receivedOn: today });
    expect(application.overdue).toBe(false);
    expect(application.dueInWorkingDays).toBe(mondayToFridayCalendar.workingDaysBetween(today, application.decisionDueOn));
    expect(application.dueInWorkingDays).toBeGreaterThanOrEqual(6);
  });

  it('moves the due date with a completion request, and again when the completion arrives', async () => {
    const application = await register({ receivedOn: '2026-09-01' });
    expect(application).toMatchObject({ decisionDueOn: '2026-09-10', completionRequestDueOn: '2026-09-10' });
    const requested = await postGraphQL(
      service.url,
      REQUEST,
      // The applicant's deadline falls on a Saturday: it ends on the next working day (Act 150/1930).
      { input: { applicationId: application.id, missing: 'tiliotteet 08/2026', requestedOn: '2026-09-03', deadlineOn: '2026-09-12' } },
      handler,
    );
    expect(requested.errors).toBeUndefined();
    expect(requested.data.requestIncomeSupportCompletion).toMatchObject({
      status: 'COMPLETION_REQUESTED',
      decisionDueOn: '2026-09-23',
      completionRequests: [{ requestedOn: '2026-09-03', deadlineOn: '2026-09-14', missing: 'tiliotteet 08/2026', sentWithinDeadline: true, resolution: null, resolvedOn: null }],
    });
    const resolved = await postGraphQL(service.url, RESOLVE, { input: { applicationId: application.id, resolution: 'COMPLETED', on: '2026-09-10' } }, handler);
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data.resolveIncomeSupportCompletion).toMatchObject({
      status: 'RECEIVED',
      decisionDueOn: '2026-09-21',
      completionRequests: [{ resolution: 'COMPLETED', resolvedOn: '2026-09-10' }],
    });
    const updates = (await outboxPayloads(service, 'IncomeSupportApplicationUpdated')).filter((p) => p.applicationId === application.id);
    expect(updates.map((u) => [u.change, u.status, u.decisionDueOn])).toEqual([
      ['COMPLETION_REQUESTED', 'COMPLETION_REQUESTED', '2026-09-23'],
      ['COMPLETION_RESOLVED', 'RECEIVED', '2026-09-21'],
    ]);
  });

  it('restarts the clock from the deadline when the completion never came, and notes a late request', async () => {
    const application = await register({ receivedOn: '2026-08-03' });
    const requested = await postGraphQL(
      service.url,
      REQUEST,
      { input: { applicationId: application.id, missing: 'vuokrasopimus', requestedOn: '2026-08-17', deadlineOn: '2026-08-24' } },
      handler,
    );
    expect(requested.data.requestIncomeSupportCompletion.completionRequests[0].sentWithinDeadline).toBe(false);
    const early = await postGraphQL(service.url, RESOLVE, { input: { applicationId: application.id, resolution: 'DEADLINE_PASSED', on: '2026-08-24' } }, handler);
    expect(early.errors?.[0].extensions?.code).toBe('CONFLICT');
    const resolved = await postGraphQL(service.url, RESOLVE, { input: { applicationId: application.id, resolution: 'DEADLINE_PASSED', on: '2026-08-26' } }, handler);
    expect(resolved.data.resolveIncomeSupportCompletion).toMatchObject({ status: 'RECEIVED', decisionDueOn: '2026-09-02' });
  });

  it('lists a queue by due date, overdue first, with counts per queue', async () => {
    const later = await register({ receivedOn: '2026-06-01', student: true });
    const earliest = await register({ receivedOn: '2026-03-02', student: true });
    const middle = await register({ receivedOn: '2026-05-04', student: true });
    await register({ receivedOn: '2026-05-05' }); // general queue
    const response = await postGraphQL(service.url, QUEUE, { queue: 'STUDENTS' }, handler);
    expect(response.errors).toBeUndefined();
    const view = response.data.incomeSupportQueue;
    const ours = view.applications.filter((a: any) => [later.id, earliest.id, middle.id].includes(a.id)).map((a: any) => a.id);
    expect(ours).toEqual([earliest.id, middle.id, later.id]);
    const dues = view.applications.map((a: any) => a.decisionDueOn);
    expect(dues).toEqual([...dues].sort());
    const overdueFlags = view.applications.map((a: any) => a.overdue);
    expect(overdueFlags).toEqual([...overdueFlags].sort((a: boolean, b: boolean) => Number(b) - Number(a)));

    const today = todayInFinland();
    const counted: Array<{ queue: string; open: number; overdue: number; unassigned: number }> = await service.dataSource.query(
      `SELECT q.queue, count(a.id)::int AS open, (count(a.id) FILTER (WHERE a.decision_due_on < $1))::int AS overdue,
              (count(a.id) FILTER (WHERE a.assigned_handler_id IS NULL))::int AS unassigned
         FROM (VALUES ('GENERAL'), ('STUDENTS'), ('URGENT')) AS q(queue)
         LEFT JOIN income_support_application a ON a.queue = q.queue AND a.status <> 'DECIDED' AND a.handling_team = 'etuuskasittely' GROUP BY q.queue ORDER BY q.queue`,
      [today],
    );
    expect([...view.counts].sort((a: any, b: any) => a.queue.localeCompare(b.queue))).toEqual(counted);
    expect(view.counts.find((c: any) => c.queue === 'STUDENTS').open).toBeGreaterThanOrEqual(3);
  });

  it('assigns: a handler takes an application, a supervisor reassigns, a handler cannot assign others', async () => {
    const application = await register({ receivedOn: '2026-10-01' });
    const taken = await postGraphQL(service.url, ASSIGN, { applicationId: application.id, handlerId: HANDLER.kind === 'user' ? HANDLER.userId : '' }, handler);
    expect(taken.data.assignIncomeSupportApplication.assignedHandlerId).toBe('handler-1');

    const before = await footprint(service);
    const [rowBefore] = await service.dataSource.query(`SELECT * FROM income_support_application WHERE id = $1`, [application.id]);
    const other = await gatewayHeaders(OTHER_HANDLER);
    for (const [headers, handlerId] of [[handler, 'handler-2'], [other, 'handler-2']] as const) {
      const refused = await postGraphQL(service.url, ASSIGN, { applicationId: application.id, handlerId }, headers);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await footprint(service)).toEqual(before);
    expect(await service.dataSource.query(`SELECT * FROM income_support_application WHERE id = $1`, [application.id])).toEqual([rowBefore]);

    const reassigned = await postGraphQL(service.url, ASSIGN, { applicationId: application.id, handlerId: 'handler-2' }, await gatewayHeaders(SUPERVISOR));
    expect(reassigned.data.assignIncomeSupportApplication.assignedHandlerId).toBe('handler-2');
    const mine = await postGraphQL(service.url, QUEUE, { queue: 'GENERAL', assigned: 'handler-2' }, handler);
    expect(mine.data.incomeSupportQueue.applications.map((a: any) => a.id)).toEqual([application.id]);
  });

  it('resolves Client.incomeSupportApplications and their claimed lines in one query per level', async () => {
    const first = await register({ expenses: [{ expenseType: 'RENT', claimedCents: 65_000 }, { expenseType: 'ELECTRICITY', claimedCents: 4_321, description: 'lasku 9/2026' }] });
    const second = await register();
    const ids = [first.clientId, second.clientId];
    // Client fields need a client relationship: the social worker named on both clients' cases.
    for (const clientId of ids) await caseOf(service, clientId);
    const socialWorker = await gatewayHeaders(SOCIAL_WORKER);
    const selection = 'id incomeSupportApplications { id claimedExpenses { expenseType claimedCents description } }';
    let response: any;
    expect(await countQueriesOn('income_support_application', async () => (response = await resolveClients(service.url, socialWorker, ids, selection)))).toBe(1);
    expect(await countQueriesOn('claimed_expense', () => resolveClients(service.url, socialWorker, ids, selection))).toBe(1);
    expect(response.errors).toBeUndefined();
    expect(response.data._entities[0].incomeSupportApplications).toEqual([
      { id: first.id, claimedExpenses: [{ expenseType: 'RENT', claimedCents: 65_000, description: null }, { expenseType: 'ELECTRICITY', claimedCents: 4_321, description: 'lasku 9/2026' }] },
    ]);
  });

  it('drafts a preventive application from reported rent arrears, once, for a handler to confirm when the client applies', async () => {
    const clientId = randomUUID();
    const rentArrearsId = randomUUID();
    const event = createEnvelope(
      'RentArrearsReported',
      1,
      'housing-support',
      { rentArrearsId, clientId, amountCents: 185_000, months: 2, reportedOn: '2026-10-05', reportedBy: { workerId: 'instructor-7', workerRole: 'SOCIAL_INSTRUCTOR' } },
      { subject: clientId, correlationId: randomUUID() },
    );
    const message = { key: clientId, value: JSON.stringify(event) };
    await produceRaw(topicOf('housing-support', service.config.KAFKA_TOPIC_PREFIX), [message, message]);
    const drafts = await eventually(async () => {
      const rows = await service.dataSource.query(`SELECT id, kind, status, channel, queue, decision_due_on FROM income_support_application WHERE rent_arrears_id = $1`, [rentArrearsId]);
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(drafts[0]).toMatchObject({ kind: 'PREVENTIVE', status: 'DRAFT', channel: 'RENT_ARREARS', queue: 'GENERAL', decision_due_on: null });
    const [registered] = (await outboxPayloads(service, 'IncomeSupportApplicationRegistered')).filter((p) => p.rentArrearsId === rentArrearsId);
    expect(registered).toMatchObject({ applicationId: drafts[0].id, clientId, status: 'DRAFT', decisionDueOn: null });
    expect(await service.dataSource.query(`SELECT expense_type, claimed_cents FROM claimed_expense WHERE application_id = $1`, [drafts[0].id])).toEqual([
      { expense_type: 'RENT_ARREARS', claimed_cents: 185_000 },
    ]);

    const decideDraft = await postGraphQL(
      service.url,
      `mutation ($input: DecideIncomeSupportApplicationInput!) { decideIncomeSupportApplication(input: $input) { id } }`,
      { input: { applicationId: drafts[0].id, lines: [{ expenseType: 'RENT_ARREARS', claimedCents: 185_000, grantedCents: 185_000, legalBasis: 'PREVENTIVE_13', payee: 'LANDLORD' }] } },
      handler,
    );
    expect(decideDraft.errors?.[0].extensions?.code).toBe('CONFLICT');

    const CONFIRM = `mutation ($input: ConfirmDraftInput!) { confirmIncomeSupportApplication(input: $input) { ${APPLICATION_FIELDS} } }`;
    const confirmed = await postGraphQL(service.url, CONFIRM, { input: { applicationId: drafts[0].id, receivedOn: '2026-10-07' } }, handler);
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data.confirmIncomeSupportApplication).toMatchObject({ status: 'RECEIVED', receivedOn: '2026-10-07', decisionDueOn: '2026-10-16', rentArrearsId, channel: 'RENT_ARREARS' });
    const before = await footprint(service);
    const twice = await postGraphQL(service.url, CONFIRM, { input: { applicationId: drafts[0].id, receivedOn: '2026-10-08' } }, handler);
    expect(twice.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await footprint(service)).toEqual(before);
  });

  describe('refuses bad input with a clear code and writes nothing', () => {
    it.each([
      ['an unknown client', { clientId: randomUUID() }, 'NOT_FOUND'],
      ['a client id that is not a UUID', { clientId: 'abc' }, 'BAD_USER_INPUT'],
      ['the Kela channel', { channel: 'KELA' }, 'BAD_USER_INPUT'],
      ['a future arrival', { receivedOn: '2999-01-01' }, 'BAD_USER_INPUT'],
      ['a negative amount', { expenses: [{ expenseType: 'RENT', claimedCents: -1 }] }, 'BAD_USER_INPUT'],
      ['a fractional amount', { expenses: [{ expenseType: 'RENT', claimedCents: 587.71 }] }, 'BAD_USER_INPUT'],
      ['an overlong description', { expenses: [{ expenseType: 'RENT', claimedCents: 100, description: 'x'.repeat(501) }] }, 'BAD_USER_INPUT'],
    ])('registering with %s', async (_name, overrides, code) => {
      const input = await registerInput(overrides);
      const before = await footprint(service);
      const response = await postGraphQL(service.url, REGISTER, { input }, handler);
      expect(response.errors?.[0].extensions?.code).toBe(code);
      expect(await footprint(service)).toEqual(before);
    });

    it.each([
      ['Kela', KELA],
      ['a practical nurse', NURSE],
    ])('registering by %s is FORBIDDEN', async (_name, identity) => {
      const input = await registerInput();
      const before = await footprint(service);
      const response = await postGraphQL(service.url, REGISTER, { input }, await gatewayHeaders(identity));
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await footprint(service)).toEqual(before);
    });

    it('refuses completion requests that are empty, ill-dated, for unknown or already waiting applications', async () => {
      const application = await register({ receivedOn: '2026-09-01' });
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ applicationId: application.id, missing: '  ', deadlineOn: '2026-09-20', requestedOn: '2026-09-02' }, 'BAD_USER_INPUT'],
        [{ applicationId: application.id, missing: 'palkkalaskelma', deadlineOn: '2026-09-02', requestedOn: '2026-09-02' }, 'BAD_USER_INPUT'],
        [{ applicationId: application.id, missing: 'palkkalaskelma', deadlineOn: '2026-09-20', requestedOn: '2026-08-30' }, 'BAD_USER_INPUT'],
        [{ applicationId: application.id, missing: 'palkkalaskelma', deadlineOn: '3000-01-02', requestedOn: '2999-01-01' }, 'BAD_USER_INPUT'],
        [{ applicationId: randomUUID(), missing: 'palkkalaskelma', deadlineOn: '2026-09-20' }, 'FORBIDDEN'], // unknown: answered as out of reach
      ];
      for (const [input, code] of cases) {
        const before = await footprint(service);
        const response = await postGraphQL(service.url, REQUEST, { input }, handler);
        expect(response.errors?.[0].extensions?.code).toBe(code);
        expect(await footprint(service)).toEqual(before);
      }
      const input = { applicationId: application.id, missing: 'palkkalaskelma', deadlineOn: '2026-09-20', requestedOn: '2026-09-02' };
      expect((await postGraphQL(service.url, REQUEST, { input }, handler)).errors).toBeUndefined();
      const before = await footprint(service);
      const twice = await postGraphQL(service.url, REQUEST, { input }, handler);
      expect(twice.errors?.[0].extensions?.code).toBe('CONFLICT');
      const notWaiting = await postGraphQL(service.url, RESOLVE, { input: { applicationId: (await register()).id, resolution: 'COMPLETED', on: '2026-09-05' } }, handler);
      expect(notWaiting.errors?.[0].extensions?.code).toBe('CONFLICT');
      const after = await footprint(service);
      // Only the registration above wrote (its application, line and event).
      expect(after).toEqual({ ...before, income_support_application: before.income_support_application + 1, claimed_expense: before.claimed_expense + 1, known_client: before.known_client + 1, outbox: before.outbox + 1 });
    });
  });
});
