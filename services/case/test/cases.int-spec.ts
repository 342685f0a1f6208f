import { mondayToFridayCalendar, todayInFinland } from '@asw/calendar';
import { topicOf } from '@asw/events';
import { countQueriesOn, eventually, gatewayHeaders, observeTopic, postGraphQL, resolveClients, RunningSubgraph, startSubgraph, TEST_WORKER } from '@asw/testing';
import type { Identity } from '@asw/auth';
import { caseSubgraph } from '../src/case.subgraph';
import { nextCode, ok, REGISTER, registration, SUPERVISOR } from './case-test-kit';

const CASE_FIELDS = `id status serviceTask initiationChannel urgent team initiatedOn assessmentStartDueOn assessmentDueOn overdue allowedTransitions
  closingReason closingNote activationBasis
  assessment { startedOn completedOn supportNeeds specialSupportNeeded summary }
  routingRecommendation { recommendedRole reasons { ruleId descriptionFi } }
  responsibleWorker { id role } coWorkers { id role }
  statusHistory { from to changedBy }`;
const OPEN = `mutation($input: OpenCaseInput!) { openCase(input: $input) { ${CASE_FIELDS} } }`;
const START = `mutation($id: ID!, $on: LocalDate) { startAssessment(caseId: $id, startedOn: $on) { ${CASE_FIELDS} } }`;
const COMPLETE = `mutation($id: ID!, $input: CompleteAssessmentInput!) { completeAssessment(caseId: $id, input: $input) { ${CASE_FIELDS} } }`;
const ACTIVATE = `mutation($id: ID!, $basis: CaseActivationBasis!) { activateCase(caseId: $id, basis: $basis) { ${CASE_FIELDS} } }`;
const CLOSE = `mutation($id: ID!, $input: CloseCaseInput!) { closeCase(caseId: $id, input: $input) { ${CASE_FIELDS} } }`;
const ASSIGN = `mutation($id: ID!, $worker: ID!, $co: [ID!]) { assignResponsibleWorker(caseId: $id, workerId: $worker, coWorkerIds: $co) { ${CASE_FIELDS} } }`;
const QUEUE = `query($team: String!) { caseQueue(team: $team) { overdue nextDueOn case { id status } } }`;

const noFindings = {
  hasIncome: true,
  seriousSubstanceAbuse: false,
  seriousMentalHealth: false,
  seriousGambling: false,
  prisonRelease: false,
  seriousHousingProblem: false,
  newClientNeedingGuidance: false,
  rentArrears: false,
  hadEarlierSocialWorker: false,
  student: false,
  elderlyFirstAssessment: false,
};
const completion = (overrides: Record<string, unknown> = {}) => ({
  summary: 'Asiakas tarvitsee tukea asumiseen ja raha-asioihin.',
  supportNeeds: ['HOUSING', 'DEBT'],
  specialSupportNeeded: false,
  findings: noFindings,
  ...overrides,
});

describe('case subgraph: the client process (real PostgreSQL and Kafka)', () => {
  let service: RunningSubgraph;
  let headers: Record<string, string>;
  let observer: Awaited<ReturnType<typeof observeTopic>>;

  beforeAll(async () => {
    service = await startSubgraph(caseSubgraph);
    headers = await gatewayHeaders(TEST_WORKER);
    observer = await observeTopic(topicOf('case', service.config.KAFKA_TOPIC_PREFIX));
  });
  afterAll(async () => {
    await observer?.stop();
    await service?.close();
  });

  const count = async (table: string) => Number((await service.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const snapshot = async () => ({
    cases: await count('client_case'),
    changes: await count('case_status_change'),
    coWorkers: await count('case_co_worker'),
    outbox: await count('outbox'),
    rows: await service.dataSource.query(`SELECT id, status, responsible_worker_id, closing_reason FROM client_case ORDER BY id`),
  });
  const newClient = async (dateOfBirth = '1985-04-12') =>
    (await ok(service.url, REGISTER, { input: registration({ personalIdentityCode: nextCode(dateOfBirth) }) }, headers)).registerClient.id as string;
  const open = async (clientId: string, extra: Record<string, unknown> = {}) =>
    (await ok(service.url, OPEN, { input: { clientId, initiationChannel: 'PHONE', ...extra } }, headers)).openCase;
  const eventsOf = (type: string, subject: string) => observer.received.filter((m) => m.envelope.type === type && m.envelope.subject === subject).map((m) => m.envelope);
  let workerSeq = 0;
  const worker = async (role: string, team = 'team-test') =>
    (
      await ok(
        service.url,
        `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id role } }`,
        { input: { userId: `w-${role.toLowerCase()}-${++workerSeq}`, name: 'Testi Työntekijä', role, team } },
        await gatewayHeaders(SUPERVISOR),
      )
    ).registerWorker.id as string;

  it('opens a pending case with §36 targets in Finnish working days and publishes CaseOpened', async () => {
    const clientId = await newClient();
    // Thursday 18.12.2025: Christmas Eve, Christmas, Boxing Day and New Year's Day are not working days.
    const opened = await open(clientId, { initiatedOn: '2025-12-18', urgent: true });
    expect(opened).toMatchObject({
      status: 'INITIATED',
      serviceTask: 'ADULT_SOCIAL_WORK',
      initiationChannel: 'PHONE',
      urgent: true,
      team: 'team-test',
      initiatedOn: '2025-12-18',
      assessmentStartDueOn: '2026-01-02',
      assessmentDueOn: '2026-03-18',
      overdue: true,
      allowedTransitions: ['ASSESSMENT', 'CLOSED'],
      statusHistory: [{ from: null, to: 'INITIATED', changedBy: TEST_WORKER.kind === 'user' ? TEST_WORKER.userId : '' }],
    });
    const event = await eventually(() => {
      const [found] = eventsOf('CaseOpened', clientId);
      if (!found) throw new Error('CaseOpened not yet on Kafka');
      return found;
    });
    expect(event.payload).toMatchObject({ caseId: opened.id, clientId, serviceTask: 'ADULT_SOCIAL_WORK', initiationChannel: 'PHONE', urgent: true, kelaNoticeId: null });

    const today = todayInFinland();
    const fresh = await open(await newClient());
    expect(fresh).toMatchObject({ initiatedOn: today, assessmentStartDueOn: mondayToFridayCalendar.addWorkingDays(today, 7), overdue: false });
  });

  it('allows one open case per client and service task: a second is a CONFLICT naming the open one, nothing written', async () => {
    const clientId = await newClient();
    const first = await open(clientId);
    const before = await snapshot();
    const again = await postGraphQL(service.url, OPEN, { input: { clientId, initiationChannel: 'EMAIL' } }, headers);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', details: { openCaseId: first.id } });
    expect(await snapshot()).toEqual(before);
    // Another service task is another case.
    expect((await open(clientId, { serviceTask: 'HOUSING_SUPPORT_WORK' })).status).toBe('INITIATED');
  });

  it.each([
    ['an unknown client', () => ({ clientId: '00000000-0000-4000-8000-000000000000', initiationChannel: 'PHONE' }), 'NOT_FOUND', undefined],
    ['a malformed client id', () => ({ clientId: 'x', initiationChannel: 'PHONE' }), 'BAD_USER_INPUT', 'clientId'],
    ['a future initiation day', (clientId: string) => ({ clientId, initiationChannel: 'PHONE', initiatedOn: '2999-01-01' }), 'BAD_USER_INPUT', 'initiatedOn'],
    ['an impossible initiation day', (clientId: string) => ({ clientId, initiationChannel: 'PHONE', initiatedOn: '2025-02-30' }), 'BAD_USER_INPUT', undefined],
    ['a blank team', (clientId: string) => ({ clientId, initiationChannel: 'PHONE', team: ' ' }), 'BAD_USER_INPUT', 'team'],
  ])('refuses opening a case for %s, nothing written', async (_label, input, code, field) => {
    const clientId = await newClient();
    const before = await snapshot();
    const response = await postGraphQL(service.url, OPEN, { input: input(clientId) }, headers);
    expect(response.errors?.[0].extensions?.code).toBe(code);
    if (field) expect(response.errors?.[0].extensions).toMatchObject({ details: { field } });
    expect(await snapshot()).toEqual(before);
  });

  it('runs the state machine from initiation to closing, timestamping every transition and publishing each', async () => {
    const clientId = await newClient('2004-05-05');
    const opened = await open(clientId);
    const started = (await ok(service.url, START, { id: opened.id }, headers)).startAssessment;
    expect(started).toMatchObject({ status: 'ASSESSMENT', assessment: { startedOn: todayInFinland(), completedOn: null }, routingRecommendation: null });

    const completed = (
      await ok(service.url, COMPLETE, { id: opened.id, input: completion({ specialSupportNeeded: true, supportNeeds: ['SUBSTANCE_ABUSE', 'HOUSING'], findings: { ...noFindings, hasIncome: false, seriousSubstanceAbuse: true } }) }, headers)
    ).completeAssessment;
    expect(completed).toMatchObject({
      status: 'PLANNING',
      overdue: false,
      assessment: { completedOn: todayInFinland(), supportNeeds: ['SUBSTANCE_ABUSE', 'HOUSING'], specialSupportNeeded: true },
      routingRecommendation: { recommendedRole: 'SOCIAL_WORKER' },
    });
    expect(completed.routingRecommendation.reasons.map((reason: { ruleId: string }) => reason.ruleId)).toEqual(['SPECIAL_SUPPORT', 'UNDER_25_WITHOUT_INCOME', 'SERIOUS_SUBSTANCE_ABUSE']);

    const active = (await ok(service.url, ACTIVATE, { id: opened.id, basis: 'PLAN_CLEARLY_UNNECESSARY' }, headers)).activateCase;
    expect(active).toMatchObject({ status: 'ACTIVE', activationBasis: 'PLAN_CLEARLY_UNNECESSARY', allowedTransitions: ['CLOSED'] });

    const closed = (await ok(service.url, CLOSE, { id: opened.id, input: { reason: 'OTHER', note: 'Asiakas siirtyi yksityiselle palveluntuottajalle' } }, headers)).closeCase;
    expect(closed).toMatchObject({ status: 'CLOSED', closingReason: 'OTHER', allowedTransitions: [] });
    expect(closed.statusHistory.map((change: { from: string; to: string }) => `${change.from}>${change.to}`)).toEqual([
      'null>INITIATED',
      'INITIATED>ASSESSMENT',
      'ASSESSMENT>PLANNING',
      'PLANNING>ACTIVE',
      'ACTIVE>CLOSED',
    ]);

    await eventually(() => {
      expect(eventsOf('CaseStatusChanged', clientId).map((e) => `${(e.payload as any).from}>${(e.payload as any).to}`)).toEqual([
        'INITIATED>ASSESSMENT',
        'ASSESSMENT>PLANNING',
        'PLANNING>ACTIVE',
      ]);
      expect(eventsOf('CaseClosed', clientId).map((e) => e.payload)).toEqual([
        expect.objectContaining({ caseId: opened.id, clientId, serviceTask: 'ADULT_SOCIAL_WORK', reason: 'OTHER', clientHasOtherOpenCases: false }),
      ]);
    });
    // A closed case is never reopened, but a new case can be started.
    expect((await open(clientId)).status).toBe('INITIATED');
  });

  it('tells CaseClosed consumers whether the client still has other open cases', async () => {
    const clientId = await newClient();
    const adult = await open(clientId);
    await open(clientId, { serviceTask: 'SOCIAL_REHABILITATION' });
    await ok(service.url, CLOSE, { id: adult.id, input: { reason: 'NO_SERVICE_NEED' } }, headers);
    await eventually(() => expect(eventsOf('CaseClosed', clientId).map((e) => (e.payload as any).clientHasOtherOpenCases)).toEqual([true]));
  });

  it.each([
    ['completing an assessment never started', async (id: string) => postGraphQL(service.url, COMPLETE, { id, input: completion() }, headers), 'CONFLICT'],
    ['activating a pending case', async (id: string) => postGraphQL(service.url, ACTIVATE, { id, basis: 'PLAN_CLEARLY_UNNECESSARY' }, headers), 'CONFLICT'],
    ['closing with OTHER and no note', async (id: string) => postGraphQL(service.url, CLOSE, { id, input: { reason: 'OTHER' } }, headers), 'BAD_USER_INPUT'],
    ['starting the assessment before initiation', async (id: string) => postGraphQL(service.url, START, { id, on: '2000-01-01' }, headers), 'BAD_USER_INPUT'],
    // Refused like a case of a client without a relationship: whether it exists is not revealed.
    ['an unknown case', async () => postGraphQL(service.url, START, { id: '00000000-0000-4000-8000-000000000000' }, headers), 'FORBIDDEN'],
    ['a caller who does not carry cases', async (id: string) => postGraphQL(service.url, START, { id }, await gatewayHeaders({ ...TEST_WORKER, roles: ['PRACTICAL_NURSE'] } as Identity)), 'FORBIDDEN'],
  ])('refuses %s, changing nothing', async (_label, act, code) => {
    const opened = await open(await newClient());
    const before = await snapshot();
    const response = await act(opened.id);
    expect(response.errors?.[0].extensions?.code).toBe(code);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an incomplete assessment (no support need, unstated finding) and a second closing, changing nothing', async () => {
    const opened = await open(await newClient());
    await ok(service.url, START, { id: opened.id }, headers);
    let before = await snapshot();
    const noNeeds = await postGraphQL(service.url, COMPLETE, { id: opened.id, input: completion({ supportNeeds: [] }) }, headers);
    expect(noNeeds.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'supportNeeds' } });
    const { student: _omitted, ...partial } = noFindings;
    const unstated = await postGraphQL(service.url, COMPLETE, { id: opened.id, input: completion({ findings: partial }) }, headers);
    expect(unstated.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toEqual(before);

    await ok(service.url, CLOSE, { id: opened.id, input: { reason: 'CLIENT_MOVED' } }, headers);
    before = await snapshot();
    // Closing ended the workers' relationship; the team's supervisor keeps theirs.
    const twice = await postGraphQL(service.url, CLOSE, { id: opened.id, input: { reason: 'CLIENT_MOVED' } }, await gatewayHeaders(SUPERVISOR));
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', details: { from: 'CLOSED', to: 'CLOSED' } });
    expect(await snapshot()).toEqual(before);
  });

  it('queues a team’s open cases overdue first, then by the next §36 target, closed ones left out', async () => {
    const team = 'queue-team';
    const a = await open(await newClient(), { team, initiatedOn: '2025-06-02' }); // start target long passed
    const b = await open(await newClient(), { team }); // start due in 7 working days
    const c = await open(await newClient(), { team, initiatedOn: '2025-01-15' }); // start and finish long passed
    const d = await open(await newClient(), { team }); // in assessment: finish due in 3 months
    await ok(service.url, START, { id: d.id }, headers);
    const e = await open(await newClient(), { team });
    await ok(service.url, CLOSE, { id: e.id, input: { reason: 'NO_SERVICE_NEED' } }, headers);
    await open(await newClient(), { team: 'another-team' });

    const queue = (await ok(service.url, QUEUE, { team }, headers)).caseQueue;
    expect(queue.map((entry: any) => [entry.case.id, entry.overdue])).toEqual([
      [c.id, true],
      [a.id, true],
      [b.id, false],
      [d.id, false],
    ]);
    expect(queue[0].nextDueOn).toBe(c.assessmentStartDueOn);
    expect(queue[3].nextDueOn).toBe(d.assessmentDueOn);
  });

  describe('named worker (omatyöntekijä, SHL §42)', () => {
    const assessed = async (specialSupportNeeded: boolean) => {
      const opened = await open(await newClient());
      await ok(service.url, START, { id: opened.id }, headers);
      await ok(service.url, COMPLETE, { id: opened.id, input: completion({ specialSupportNeeded }) }, headers);
      return opened.id as string;
    };

    it('accepts a social instructor without special support, and with special support only beside a social worker co-worker', async () => {
      const instructor = await worker('SOCIAL_INSTRUCTOR');
      const socialWorker = await worker('SOCIAL_WORKER');
      const plain = await assessed(false);
      expect((await ok(service.url, ASSIGN, { id: plain, worker: instructor }, headers)).assignResponsibleWorker).toMatchObject({
        responsibleWorker: { id: instructor, role: 'SOCIAL_INSTRUCTOR' },
        coWorkers: [],
        routingRecommendation: { recommendedRole: 'SOCIAL_INSTRUCTOR', reasons: [{ ruleId: 'DEFAULT_LESS_SUPPORT' }] },
      });
      const special = await assessed(true);
      const assigned = (await ok(service.url, ASSIGN, { id: special, worker: instructor, co: [socialWorker] }, headers)).assignResponsibleWorker;
      expect(assigned).toMatchObject({ responsibleWorker: { id: instructor }, coWorkers: [{ id: socialWorker, role: 'SOCIAL_WORKER' }] });
      const clientId = (await service.dataSource.query(`SELECT client_id FROM client_case WHERE id = $1`, [special]))[0].client_id;
      await eventually(() =>
        expect(eventsOf('ResponsibleWorkerAssigned', clientId).map((e) => e.payload)).toEqual([
          expect.objectContaining({ caseId: special, workerId: instructor, workerRole: 'SOCIAL_INSTRUCTOR', coWorkerIds: [socialWorker] }),
        ]),
      );
    });

    it('refuses, changing nothing: special support without a social worker (CONFLICT), a practical nurse (BAD_USER_INPUT), an unknown worker (NOT_FOUND)', async () => {
      const instructor = await worker('SOCIAL_INSTRUCTOR');
      const nurse = await worker('PRACTICAL_NURSE');
      const special = await assessed(true);
      const before = await snapshot();
      const noSocialWorker = await postGraphQL(service.url, ASSIGN, { id: special, worker: instructor, co: [nurse] }, headers);
      expect(noSocialWorker.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(noSocialWorker.errors?.[0].message).toContain('SOCIAL_WORKER');
      const nurseNamed = await postGraphQL(service.url, ASSIGN, { id: special, worker: nurse }, headers);
      expect(nurseNamed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'namedWorkerRole' } });
      const unknown = await postGraphQL(service.url, ASSIGN, { id: special, worker: '00000000-0000-4000-8000-000000000000' }, headers);
      expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await snapshot()).toEqual(before);
    });

    it('refuses completing an assessment that finds special support needs while the case has no social worker', async () => {
      const instructor = await worker('SOCIAL_INSTRUCTOR');
      const opened = await open(await newClient());
      await ok(service.url, ASSIGN, { id: opened.id, worker: instructor }, headers);
      await ok(service.url, START, { id: opened.id }, headers);
      const before = await snapshot();
      const response = await postGraphQL(service.url, COMPLETE, { id: opened.id, input: completion({ specialSupportNeeded: true }) }, headers);
      expect(response.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await snapshot()).toEqual(before);
    });
  });

  it('resolves Client.cases for many clients in one SQL query', async () => {
    const ids = [await newClient(), await newClient(), await newClient()];
    for (const id of ids) await open(id);
    let response: any;
    const queries = await countQueriesOn('client_case', async () => {
      response = await resolveClients(service.url, headers, ids, 'id cases { id status client { id } }');
    });
    expect(response.errors).toBeUndefined();
    expect(response.data._entities.map((client: any) => client.cases.map((c: any) => c.status))).toEqual([['INITIATED'], ['INITIATED'], ['INITIATED']]);
    expect(response.data._entities.every((client: any) => client.cases[0].client.id === client.id)).toBe(true);
    expect(queries).toBe(1);
  });
});
