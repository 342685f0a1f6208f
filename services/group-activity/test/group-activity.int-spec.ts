import { randomUUID } from 'node:crypto';
import type { Identity, UserRole } from '@asw/auth';
import { addDays, dayOfWeek, todayInFinland } from '@asw/calendar';
import { createEnvelope, topicOf } from '@asw/events';
import { countQueriesOn, eventually, gatewayHeaders, observeTopic, postGraphQL, produceRaw, resolveClients, RunningSubgraph, startSubgraph } from '@asw/testing';
import { WEEKDAYS } from '../src/domain';
import { EnrollmentCommands } from '../src/enrollments/enrollment.command';
import { groupActivitySubgraph } from '../src/group-activity.subgraph';

const worker = (userId: string, role: UserRole, team = 'team-test'): Identity => ({ kind: 'user', userId, roles: [role], team, organisation: 'test-county' });

describe('group-activity subgraph (real PostgreSQL and Kafka)', () => {
  let service: RunningSubgraph;
  let headers: Record<string, string>;
  let groupTopic: Awaited<ReturnType<typeof observeTopic>>;
  const today = todayInFinland();

  beforeAll(async () => {
    service = await startSubgraph(groupActivitySubgraph);
    headers = await gatewayHeaders(worker('instructor-1', 'SOCIAL_INSTRUCTOR'));
    groupTopic = await observeTopic(topicOf('group-activity', service.config.KAFKA_TOPIC_PREFIX));
  });
  afterAll(async () => {
    await groupTopic?.stop();
    await service?.close();
  });

  const gql = (query: string, variables: Record<string, unknown> = {}, as = headers) => postGraphQL(service.url, query, variables, as);
  const count = async (sql: string, params: unknown[]) => (await service.dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n as number;
  /** Payloads published of a type under a subject (a client id, or a group id for the group's own events). */
  const outbox = async (type: string, subject: string) => (await envelopes(type, subject)).map((envelope) => envelope.payload);
  const envelopes = async (type: string, subject: string): Promise<Array<{ payload: any; correlationId: string }>> =>
    (await service.dataSource.query(`SELECT envelope FROM outbox WHERE event_type = $1 AND message_key = $2 ORDER BY seq`, [type, subject])).map(
      (row: { envelope: { payload: any; correlationId: string } }) => row.envelope,
    );

  async function produceCaseEvents(clientId: string, events: Array<{ type: string; payload: Record<string, unknown> }>) {
    const envelopes = events.map(({ type, payload }) => createEnvelope(type, 1, 'case', payload, { subject: clientId, correlationId: randomUUID() }));
    await produceRaw(
      topicOf('case', service.config.KAFKA_TOPIC_PREFIX),
      envelopes.map((e) => ({ key: clientId, value: JSON.stringify(e) })),
    );
    const last = envelopes[envelopes.length - 1];
    await eventually(async () => expect(await count(`inbox WHERE event_id = $1`, [last.id])).toBe(1));
  }

  const decision = (clientId: string, change: Record<string, unknown> = {}) => ({
    type: 'ServiceDecisionMade',
    payload: {
      decisionId: randomUUID(),
      caseId: randomUUID(),
      clientId,
      serviceType: 'SOCIAL_REHABILITATION',
      outcome: 'GRANTED',
      validFrom: addDays(today, -30),
      validUntil: addDays(today, 150),
      decidedAt: new Date().toISOString(),
      decidedBy: { workerId: 'sw-1', workerRole: 'SOCIAL_WORKER' },
      ...change,
    },
  });
  const caseClosed = (clientId: string, caseId: string, clientHasOtherOpenCases = false) => ({
    type: 'CaseClosed',
    payload: { caseId, clientId, serviceTask: 'ADULT_SOCIAL_WORK', reason: 'NO_BASIS_FOR_SERVICES', closedAt: new Date().toISOString(), clientHasOtherOpenCases },
  });

  /** Who works on a case, as case publishes it: by default instructor-1 is a co-worker on an open case of team-test. */
  const relationships = (clientId: string, change: Record<string, unknown> = {}) => ({
    type: 'CaseRelationshipsChanged',
    payload: { caseId: randomUUID(), clientId, team: 'team-test', open: true, namedWorker: 'sw-1', coWorkers: ['instructor-1'], changedAt: new Date().toISOString(), ...change },
  });

  /**
   * A client case has granted social rehabilitation, as group-activity learned it, and instructor-1 works
   * on the case (a client relationship); resolves with the decision's case id.
   */
  async function eligibleClient(clientId = randomUUID(), coWorkers = ['instructor-1']) {
    const event = decision(clientId);
    await produceCaseEvents(clientId, [event, relationships(clientId, { caseId: event.payload.caseId, coWorkers })]);
    return { clientId, caseId: event.payload.caseId as string, decisionId: event.payload.decisionId as string };
  }

  const CREATE = `mutation($input: CreateRehabilitationGroupInput!) { createRehabilitationGroup(input: $input) { id name kind capacity weekday sessionCount meetingUrl facilitatorIds sessions { id sequence date theme startTime durationMinutes } } }`;
  const weeklyGroup = (change: Record<string, unknown> = {}) => ({
    name: 'Torstain Green Care -ryhmä',
    kind: 'IN_PERSON_WEEKLY',
    capacity: 8,
    startsOn: today,
    endsOn: addDays(today, 27),
    startTime: '13:00',
    durationMinutes: 90,
    themes: ['SELF_CARE', 'GREEN_CARE', 'GETTING_TO_KNOW_SERVICES'],
    weekday: WEEKDAYS[dayOfWeek(today) - 1],
    facilitatorIds: ['instructor-1', 'nurse-1'],
    ...change,
  });
  async function createGroup(change: Record<string, unknown> = {}) {
    const response = await gql(CREATE, { input: weeklyGroup(change) });
    expect(response.errors).toBeUndefined();
    return response.data.createRehabilitationGroup;
  }

  const ENROLL = `mutation($input: GroupEnrollmentInput!) { enrollInGroup(input: $input) { id clientId status waitlistPosition group { id } } }`;
  const LEAVE = `mutation($input: GroupEnrollmentInput!) { leaveGroup(input: $input) { id status endReason } }`;

  describe('eligibility', () => {
    it('learns clients from ClientRegistered and applies a redelivered event once', async () => {
      const known = randomUUID();
      const event = createEnvelope('ClientRegistered', 1, 'case', { clientId: known, registeredAt: '2026-11-02T09:30:00.000Z', personalIdentityCodeHash: null }, { subject: known, correlationId: randomUUID() });
      const message = { key: known, value: JSON.stringify(event) };
      await produceRaw(topicOf('case', service.config.KAFKA_TOPIC_PREFIX), [message, message]);
      await eventually(async () => expect(await count(`inbox WHERE event_id = $1`, [event.id])).toBe(1));
      await produceCaseEvents(known, [relationships(known)]);
      expect(await count(`known_client WHERE client_id = $1`, [known])).toBe(1);
      const response = await resolveClients(service.url, headers, [known], 'rehabilitationEligibility { eligible reason clientKnownSince }');
      expect(response.data!._entities).toEqual([{ rehabilitationEligibility: { eligible: false, reason: 'NO_ACTIVE_DECISION', clientKnownSince: '2026-11-02T09:30:00.000Z' } }]);
    });

    it('a SOCIAL_REHABILITATION decision in force makes the client eligible; expired, future and denied ones do not; one query per table', async () => {
      const [active, expired, future, denied, closed, unknown] = Array.from({ length: 6 }, () => randomUUID());
      const activeDecision = decision(active, { validUntil: addDays(today, 150) });
      await produceCaseEvents(active, [activeDecision]);
      await produceCaseEvents(expired, [decision(expired, { validFrom: addDays(today, -100), validUntil: addDays(today, -1) })]);
      await produceCaseEvents(future, [decision(future, { validFrom: addDays(today, 7), validUntil: null })]);
      await produceCaseEvents(denied, [decision(denied, { outcome: 'DENIED' })]);
      const closedDecision = decision(closed);
      await produceCaseEvents(closed, [closedDecision, caseClosed(closed, closedDecision.payload.caseId as string)]);
      for (const clientId of [active, expired, future, denied, closed, unknown]) await produceCaseEvents(clientId, [relationships(clientId)]);

      let response: any;
      const counts: Record<string, number> = {};
      for (const table of ['known_client', 'service_decision']) {
        counts[table] = await countQueriesOn(table, async () => {
          response = await resolveClients(service.url, headers, [active, expired, future, denied, closed, unknown], 'id rehabilitationEligibility { eligible reason decisionId validUntil }');
        });
      }
      expect(response.errors).toBeUndefined();
      expect(response.data._entities.map((e: any) => e.rehabilitationEligibility)).toEqual([
        { eligible: true, reason: 'ELIGIBLE', decisionId: activeDecision.payload.decisionId, validUntil: addDays(today, 150) },
        expect.objectContaining({ eligible: false, reason: 'DECISION_EXPIRED' }),
        expect.objectContaining({ eligible: false, reason: 'DECISION_NOT_YET_VALID' }),
        expect.objectContaining({ eligible: false, reason: 'NO_ACTIVE_DECISION' }),
        expect.objectContaining({ eligible: false, reason: 'CASE_CLOSED' }),
        { eligible: false, reason: 'CLIENT_NOT_KNOWN', decisionId: null, validUntil: null },
      ]);
      expect(counts).toEqual({ known_client: 1, service_decision: 1 });
    });
  });

  describe('groups', () => {
    it('an IN_PERSON_WEEKLY group gets a session every week, themes in rotation', async () => {
      const group = await createGroup();
      expect(group).toMatchObject({ kind: 'IN_PERSON_WEEKLY', capacity: 8, sessionCount: null, meetingUrl: null, facilitatorIds: ['instructor-1', 'nurse-1'] });
      expect(group.sessions.map((s: any) => [s.sequence, s.date, s.theme])).toEqual([
        [1, today, 'SELF_CARE'],
        [2, addDays(today, 7), 'GREEN_CARE'],
        [3, addDays(today, 14), 'GETTING_TO_KNOW_SERVICES'],
        [4, addDays(today, 21), 'SELF_CARE'],
      ]);
    });

    it('a REMOTE_PERIOD group meets a fixed number of times with a remote link', async () => {
      const group = await createGroup({ kind: 'REMOTE_PERIOD', weekday: null, sessionCount: 10, meetingUrl: 'https://meet.example.fi/etaryhma', endsOn: addDays(today, 70) });
      expect(group).toMatchObject({ kind: 'REMOTE_PERIOD', weekday: null, sessionCount: 10, meetingUrl: 'https://meet.example.fi/etaryhma' });
      expect(group.sessions).toHaveLength(10);
      expect(group.sessions[9].date).toBe(addDays(today, 63));
    });

    it('facilitators change as staff do, by the group’s own team only (issue #13 item 3); an empty list is refused and writes nothing', async () => {
      const group = await createGroup();
      const SET = `mutation($input: SetGroupFacilitatorsInput!) { setGroupFacilitators(input: $input) { facilitatorIds } }`;
      const CAPACITY = `mutation($input: ChangeGroupCapacityInput!) { changeGroupCapacity(input: $input) { capacity } }`;
      // Another team's worker cannot make themselves facilitator (and so reach the roster), nor change the places.
      const outsider = await gatewayHeaders(worker('outsider-9', 'SUPERVISOR', 'team-other'));
      for (const [query, input] of [[SET, { groupId: group.id, facilitatorIds: ['outsider-9'] }], [CAPACITY, { groupId: group.id, capacity: 40 }]] as const) {
        const refused = await gql(query, { input }, outsider);
        expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'NO_ACCESS_BASIS' } });
        expect(refused.data ?? null).toBeNull();
      }
      // An unknown group is answered exactly as another team's.
      const unknown = await gql(SET, { input: { groupId: randomUUID(), facilitatorIds: ['outsider-9'] } }, outsider);
      expect(unknown.errors?.[0]).toMatchObject({ message: 'Only the group’s own team (its facilitators and that team’s supervisor) may change the group', extensions: { code: 'FORBIDDEN', details: { reason: 'NO_ACCESS_BASIS' } } });
      expect(await count(`access_log WHERE actor_id = 'outsider-9' AND outcome = 'REFUSED'`, [])).toBe(3);
      // A facilitator changes them; then the team's supervisor (no longer any facilitator here).
      expect((await gql(SET, { input: { groupId: group.id, facilitatorIds: ['nurse-2', ' instructor-3 '] } })).data.setGroupFacilitators).toEqual({ facilitatorIds: ['nurse-2', 'instructor-3'] });
      expect((await gql(SET, { input: { groupId: group.id, facilitatorIds: ['nurse-2'] } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const lead = await gatewayHeaders(worker('lead-1', 'SUPERVISOR'));
      expect((await gql(SET, { input: { groupId: group.id, facilitatorIds: [] } }, lead)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await gql(SET, { input: { groupId: randomUUID(), facilitatorIds: ['nurse-2'] } }, lead)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const [row] = await service.dataSource.query(`SELECT facilitator_ids FROM rehabilitation_group WHERE id = $1`, [group.id]);
      expect(row.facilitator_ids).toEqual(['nurse-2', 'instructor-3']);
    });

    it.each([
      { name: 'no places', change: { capacity: 0 } },
      { name: 'an unencrypted meeting link', change: { kind: 'REMOTE_PERIOD', weekday: null, sessionCount: 10, meetingUrl: 'http://meet.example.fi/x', endsOn: addDays(todayInFinland(), 70) } },
      { name: 'ten sessions that do not fit the period', change: { kind: 'REMOTE_PERIOD', weekday: null, sessionCount: 10, meetingUrl: 'https://meet.example.fi/x' } },
      { name: 'a weekly group without a weekday', change: { weekday: null } },
      { name: 'no facilitator', change: { facilitatorIds: [] } },
      { name: 'a start time that is not HH:MM', change: { startTime: '25:00' } },
    ])('refuses a group with $name: BAD_USER_INPUT, nothing written', async ({ change }) => {
      const name = `Refused ${randomUUID()}`;
      const response = await gql(CREATE, { input: weeklyGroup({ ...change, name }) });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await count(`rehabilitation_group WHERE name = $1`, [name])).toBe(0);
    });
  });

  describe('enrollment and waitlist', () => {
    it('refuses a client without an active decision with a clear CONFLICT; nothing written, nothing published', async () => {
      const group = await createGroup();
      const unknown = randomUUID();
      const expired = randomUUID();
      await produceCaseEvents(expired, [decision(expired, { validFrom: addDays(today, -100), validUntil: addDays(today, -1) }), relationships(expired)]);
      await produceCaseEvents(unknown, [relationships(unknown)]);
      for (const [clientId, reason] of [[unknown, 'CLIENT_NOT_KNOWN'], [expired, 'DECISION_EXPIRED']]) {
        const response = await gql(ENROLL, { input: { groupId: group.id, clientId } });
        expect(response.errors?.[0].message).toBe('client has no active social rehabilitation decision');
        expect(response.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', details: { reason } });
        expect(await count(`group_enrollment WHERE client_id = $1`, [clientId])).toBe(0);
        expect(await outbox('GroupEnrollmentChanged', clientId)).toEqual([]);
      }
      expect((await gql(ENROLL, { input: { groupId: randomUUID(), clientId: unknown } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await gql(ENROLL, { input: { groupId: 'x', clientId: unknown } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('a full group puts clients on the waitlist in order; a freed place goes to the first on it', async () => {
      const group = await createGroup({ capacity: 1 });
      const [a, b, c] = [await eligibleClient(), await eligibleClient(), await eligibleClient()];
      const enrolled = (await gql(ENROLL, { input: { groupId: group.id, clientId: a.clientId } })).data.enrollInGroup;
      expect(enrolled).toMatchObject({ status: 'ENROLLED', waitlistPosition: null, group: { id: group.id } });
      expect((await gql(ENROLL, { input: { groupId: group.id, clientId: b.clientId } })).data.enrollInGroup).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
      expect((await gql(ENROLL, { input: { groupId: group.id, clientId: c.clientId } })).data.enrollInGroup).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 2 });
      const twice = await gql(ENROLL, { input: { groupId: group.id, clientId: b.clientId } });
      expect(twice.errors?.[0].extensions?.code).toBe('CONFLICT');

      const left = (await gql(LEAVE, { input: { groupId: group.id, clientId: a.clientId } })).data.leaveGroup;
      expect(left).toMatchObject({ status: 'ENDED', endReason: 'LEFT' });
      const roster = (await gql(`query($id: ID!) { rehabilitationGroup(id: $id) { roster { clientId status waitlistPosition } } }`, { id: group.id })).data.rehabilitationGroup.roster;
      expect(roster).toEqual([
        { clientId: b.clientId, status: 'ENROLLED', waitlistPosition: null },
        { clientId: c.clientId, status: 'WAITLISTED', waitlistPosition: 1 },
      ]);
      expect((await outbox('GroupEnrollmentChanged', b.clientId)).map((p: any) => [p.status, p.reason])).toEqual([
        ['WAITLISTED', null],
        ['ENROLLED', 'PROMOTED_FROM_WAITLIST'],
      ]);
      expect((await outbox('GroupEnrollmentChanged', a.clientId)).map((p: any) => [p.status, p.reason])).toEqual([
        ['ENROLLED', null],
        ['ENDED', 'LEFT'],
      ]);
      await eventually(() => expect(groupTopic.received.filter((r) => r.key === b.clientId && r.envelope.type === 'GroupEnrollmentChanged')).toHaveLength(2));

      // More places fill from the waitlist; fewer than enrolled is refused.
      const grown = await gql(`mutation($input: ChangeGroupCapacityInput!) { changeGroupCapacity(input: $input) { capacity roster { clientId status } } }`, { input: { groupId: group.id, capacity: 2 } });
      expect(grown.data.changeGroupCapacity).toEqual({ capacity: 2, roster: [{ clientId: b.clientId, status: 'ENROLLED' }, { clientId: c.clientId, status: 'ENROLLED' }] });
      const shrunk = await gql(`mutation($input: ChangeGroupCapacityInput!) { changeGroupCapacity(input: $input) { capacity } }`, { input: { groupId: group.id, capacity: 1 } });
      expect(shrunk.errors?.[0].extensions?.code).toBe('CONFLICT');
    });

    it('two workers enrolling at once for the last place: one gets it, the other queues (the group row serialises them)', async () => {
      const group = await createGroup({ capacity: 1 });
      const clients = await Promise.all([eligibleClient(), eligibleClient(), eligibleClient()]);
      const results = await Promise.all(clients.map(({ clientId }) => gql(ENROLL, { input: { groupId: group.id, clientId } })));
      expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
      expect(results.map((r) => r.data.enrollInGroup.status).sort()).toEqual(['ENROLLED', 'WAITLISTED', 'WAITLISTED']);
      expect(results.map((r) => r.data.enrollInGroup.waitlistPosition).sort()).toEqual([1, 2, null]);
    });

    it('Client.groupEnrollments: every client’s places in one query, groups in one more', async () => {
      const group = await createGroup({ capacity: 1 });
      const [a, b] = [await eligibleClient(), await eligibleClient()];
      await gql(ENROLL, { input: { groupId: group.id, clientId: a.clientId } });
      await gql(ENROLL, { input: { groupId: group.id, clientId: b.clientId } });
      const none = randomUUID();
      await produceCaseEvents(none, [relationships(none)]);
      let response: any;
      const counts: Record<string, number> = {};
      for (const table of ['group_enrollment', 'rehabilitation_group']) {
        counts[table] = await countQueriesOn(table, async () => {
          response = await resolveClients(service.url, headers, [a.clientId, b.clientId, none], 'id groupEnrollments { status waitlistPosition group { name } attendance { rate } }');
        });
      }
      expect(response.errors).toBeUndefined();
      expect(response.data._entities).toEqual([
        { id: a.clientId, groupEnrollments: [{ status: 'ENROLLED', waitlistPosition: null, group: { name: group.name }, attendance: { rate: null } }] },
        { id: b.clientId, groupEnrollments: [{ status: 'WAITLISTED', waitlistPosition: 1, group: { name: group.name }, attendance: { rate: null } }] },
        { id: none, groupEnrollments: [] },
      ]);
      // group_enrollment: the clients' places, and the queue of the group for positions.
      expect(counts).toEqual({ group_enrollment: 2, rehabilitation_group: 1 });
    });
  });

  describe('attendance', () => {
    const RECORD = `mutation($input: RecordGroupAttendanceInput!) { recordGroupAttendance(input: $input) { id status recordedBy } }`;

    it('records attendance at a held session; each record is published for case’s contact statistics; rate per client and group', async () => {
      const group = await createGroup();
      const [a, b, outsider] = [await eligibleClient(), await eligibleClient(), await eligibleClient()];
      await gql(ENROLL, { input: { groupId: group.id, clientId: a.clientId } });
      await gql(ENROLL, { input: { groupId: group.id, clientId: b.clientId } });
      const [first, second] = group.sessions;

      const present = await gql(RECORD, { input: { sessionId: first.id, clientId: a.clientId, attendance: 'PRESENT' } });
      expect(present.errors).toBeUndefined();
      expect(present.data.recordGroupAttendance).toMatchObject({ status: 'PRESENT', recordedBy: 'instructor-1' });
      expect(await outbox('GroupAttendanceRecorded', a.clientId)).toEqual([
        {
          attendanceId: present.data.recordGroupAttendance.id,
          sessionId: first.id,
          groupId: group.id,
          clientId: a.clientId,
          attendance: 'PRESENT',
          sessionDate: today,
          durationMinutes: 90,
          performedBy: { workerId: 'instructor-1', workerRole: 'SOCIAL_INSTRUCTOR' },
        },
      ]);
      await eventually(() => expect(groupTopic.received.some((r) => r.key === a.clientId && r.envelope.type === 'GroupAttendanceRecorded')).toBe(true));
      // Käyttöloki: the enrollment and the attendance record are changes of the client's data, logged with who and why.
      await eventually(async () =>
        expect(await service.dataSource.query(`SELECT actor_id, action, categories, basis FROM access_log WHERE client_id = $1 AND outcome = 'ALLOWED' ORDER BY id`, [a.clientId])).toEqual([
          { actor_id: 'instructor-1', action: 'CHANGE', categories: ['group-activity:groupEnrollments'], basis: 'relationship:CO_WORKER' },
          // instructor-1 facilitates the group: keeping its register is theirs on that basis.
          { actor_id: 'instructor-1', action: 'CHANGE', categories: ['group-activity:groupAttendance'], basis: `facilitator:${group.id}` },
        ]),
      );
      expect((await gql(RECORD, { input: { sessionId: first.id, clientId: b.clientId, attendance: 'ABSENT' } })).errors).toBeUndefined();

      const refusals: Array<[Record<string, unknown>, string, string | undefined]> = [
        [{ sessionId: first.id, clientId: a.clientId, attendance: 'ABSENT' }, 'CONFLICT', 'ALREADY_RECORDED'],
        [{ sessionId: second.id, clientId: a.clientId, attendance: 'PRESENT' }, 'BAD_USER_INPUT', undefined],
        [{ sessionId: first.id, clientId: outsider.clientId, attendance: 'PRESENT' }, 'CONFLICT', 'NOT_ENROLLED'],
        [{ sessionId: randomUUID(), clientId: a.clientId, attendance: 'PRESENT' }, 'NOT_FOUND', undefined],
      ];
      for (const [input, code, reason] of refusals) {
        const response = await gql(RECORD, { input });
        expect(response.errors?.[0].extensions?.code).toBe(code);
        if (reason) expect(response.errors?.[0].extensions?.details).toMatchObject({ reason });
      }
      expect(await count(`attendance WHERE group_id = $1`, [group.id])).toBe(2);
      expect(await outbox('GroupAttendanceRecorded', a.clientId)).toHaveLength(1);
      expect(await outbox('GroupAttendanceRecorded', outsider.clientId)).toEqual([]);

      const rates = await gql(`query($id: ID!) { rehabilitationGroup(id: $id) { attendance { present absent excused rate } sessions { sequence attendance { clientId status } } } }`, { id: group.id });
      expect(rates.data.rehabilitationGroup.attendance).toEqual({ present: 1, absent: 1, excused: 0, rate: 0.5 });
      expect(rates.data.rehabilitationGroup.sessions[0].attendance).toHaveLength(2);
      const perClient = await resolveClients(service.url, headers, [a.clientId, b.clientId], 'groupEnrollments { attendance { present absent rate } }');
      expect(perClient.data!._entities).toEqual([
        { groupEnrollments: [{ attendance: { present: 1, absent: 0, rate: 1 } }] },
        { groupEnrollments: [{ attendance: { present: 0, absent: 1, rate: 0 } }] },
      ]);
    });
  });

  describe('case closed and decision expired', () => {
    it('CaseClosed ends the client’s places and removes their waitlist entries; freed places go to the waitlist', async () => {
      const full = await createGroup({ capacity: 1 });
      const other = await createGroup({ capacity: 1 });
      const [leaving, waiting] = [await eligibleClient(), await eligibleClient()];
      const blocker = await eligibleClient();
      await gql(ENROLL, { input: { groupId: full.id, clientId: leaving.clientId } });
      await gql(ENROLL, { input: { groupId: full.id, clientId: waiting.clientId } });
      await gql(ENROLL, { input: { groupId: other.id, clientId: blocker.clientId } });
      await gql(ENROLL, { input: { groupId: other.id, clientId: leaving.clientId } });

      await produceCaseEvents(leaving.clientId, [caseClosed(leaving.clientId, leaving.caseId)]);
      const rows = await service.dataSource.query(`SELECT group_id, status, end_reason FROM group_enrollment WHERE client_id = $1 ORDER BY joined_at`, [leaving.clientId]);
      expect(rows).toEqual([
        { group_id: full.id, status: 'ENDED', end_reason: 'CASE_CLOSED' },
        { group_id: other.id, status: 'ENDED', end_reason: 'CASE_CLOSED' },
      ]);
      expect(await count(`group_enrollment WHERE client_id = $1 AND status = 'ENROLLED'`, [waiting.clientId])).toBe(1);
      expect((await outbox('GroupEnrollmentChanged', leaving.clientId)).filter((p: any) => p.status === 'ENDED').map((p: any) => p.reason)).toEqual(['CASE_CLOSED', 'CASE_CLOSED']);
      const eligibility = await resolveClients(service.url, headers, [leaving.clientId], 'rehabilitationEligibility { eligible reason }');
      expect(eligibility.data!._entities).toEqual([{ rehabilitationEligibility: { eligible: false, reason: 'CASE_CLOSED' } }]);
    });

    it('a decision that expired ends the place on the next daily run', async () => {
      const group = await createGroup();
      const client = await eligibleClient();
      const staying = await eligibleClient();
      await gql(ENROLL, { input: { groupId: group.id, clientId: client.clientId } });
      await gql(ENROLL, { input: { groupId: group.id, clientId: staying.clientId } });
      await service.dataSource.query(`UPDATE service_decision SET valid_from = $2, valid_until = $3 WHERE decision_id = $1`, [client.decisionId, addDays(today, -60), addDays(today, -1)]);
      expect(await service.app.get(EnrollmentCommands).endExpired(today)).toBe(1);
      expect(await count(`group_enrollment WHERE client_id = $1 AND status = 'ENDED' AND end_reason = 'DECISION_EXPIRED'`, [client.clientId])).toBe(1);
      expect(await count(`group_enrollment WHERE client_id = $1 AND status = 'ENROLLED'`, [staying.clientId])).toBe(1);
    });
  });

  describe('the group’s own events', () => {
    const SET = `mutation($input: SetGroupFacilitatorsInput!) { setGroupFacilitators(input: $input) { facilitatorIds } }`;
    const CAPACITY = `mutation($input: ChangeGroupCapacityInput!) { changeGroupCapacity(input: $input) { capacity } }`;
    const withCorrelation = (correlationId: string) => ({ ...headers, 'x-correlation-id': correlationId });
    const published = async (type: string) => count(`outbox WHERE event_type = $1`, [type]);

    it('creating a group publishes RehabilitationGroupCreated and GroupSessionsGenerated, keyed by the group, with the request’s correlation id', async () => {
      const correlationId = randomUUID();
      const response = await gql(CREATE, { input: weeklyGroup() }, withCorrelation(correlationId));
      expect(response.errors).toBeUndefined();
      const group = response.data.createRehabilitationGroup;
      const [created] = await envelopes('RehabilitationGroupCreated', group.id);
      expect(created).toMatchObject({
        correlationId,
        payload: { groupId: group.id, kind: 'IN_PERSON_WEEKLY', capacity: 8, startsOn: today, endsOn: addDays(today, 27), facilitatorIds: ['instructor-1', 'nurse-1'], createdBy: 'instructor-1' },
      });
      expect(created.payload).not.toHaveProperty('name');
      const generated = await envelopes('GroupSessionsGenerated', group.id);
      expect(generated).toHaveLength(1);
      expect(generated[0].correlationId).toBe(correlationId);
      expect(generated[0].payload.sessions).toEqual(
        group.sessions.map((s: any) => ({ sessionId: s.id, sequence: s.sequence, date: s.date, startTime: '13:00', durationMinutes: 90, theme: s.theme })),
      );
      await eventually(() => expect(groupTopic.received.filter((r) => r.key === group.id).map((r) => r.envelope.type)).toEqual(['RehabilitationGroupCreated', 'GroupSessionsGenerated']));
    });

    it('a refused group publishes nothing', async () => {
      const before = [await published('RehabilitationGroupCreated'), await published('GroupSessionsGenerated')];
      expect((await gql(CREATE, { input: weeklyGroup({ capacity: 0 }) })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await gql(CREATE, { input: weeklyGroup({ facilitatorIds: [] }) })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect([await published('RehabilitationGroupCreated'), await published('GroupSessionsGenerated')]).toEqual(before);
    });

    it('new facilitators publish GroupFacilitatorsChanged; the same list, an empty one or an unknown group publish nothing', async () => {
      const group = await createGroup();
      const correlationId = randomUUID();
      expect((await gql(SET, { input: { groupId: group.id, facilitatorIds: ['nurse-2'] } }, withCorrelation(correlationId))).errors).toBeUndefined();
      // instructor-1 is no facilitator now: the team's supervisor goes on.
      const lead = await gatewayHeaders(worker('lead-1', 'SUPERVISOR'));
      expect((await gql(SET, { input: { groupId: group.id, facilitatorIds: ['nurse-2'] } }, lead)).errors).toBeUndefined();
      expect((await gql(SET, { input: { groupId: group.id, facilitatorIds: [] } }, lead)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const unknown = randomUUID();
      expect((await gql(SET, { input: { groupId: unknown, facilitatorIds: ['nurse-2'] } }, lead)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const changes = await envelopes('GroupFacilitatorsChanged', group.id);
      expect(changes).toEqual([
        expect.objectContaining({
          correlationId,
          payload: { groupId: group.id, facilitatorIds: ['nurse-2'], previousFacilitatorIds: ['instructor-1', 'nurse-1'], changedBy: 'instructor-1', changedAt: expect.any(String) },
        }),
      ]);
      expect(await envelopes('GroupFacilitatorsChanged', unknown)).toEqual([]);
    });

    it('a new number of places publishes GroupCapacityChanged before the promotions it gives; a refused one publishes nothing', async () => {
      const group = await createGroup({ capacity: 1 });
      const [a, b] = [await eligibleClient(), await eligibleClient()];
      await gql(ENROLL, { input: { groupId: group.id, clientId: a.clientId } });
      await gql(ENROLL, { input: { groupId: group.id, clientId: b.clientId } });
      expect((await gql(CAPACITY, { input: { groupId: group.id, capacity: 0 } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await envelopes('GroupCapacityChanged', group.id)).toEqual([]);

      const correlationId = randomUUID();
      expect((await gql(CAPACITY, { input: { groupId: group.id, capacity: 3 } }, withCorrelation(correlationId))).data.changeGroupCapacity).toEqual({ capacity: 3 });
      expect((await gql(CAPACITY, { input: { groupId: group.id, capacity: 1 } })).errors?.[0].extensions?.code).toBe('CONFLICT');
      expect((await gql(CAPACITY, { input: { groupId: group.id, capacity: 3 } })).errors).toBeUndefined();
      expect(await envelopes('GroupCapacityChanged', group.id)).toEqual([
        expect.objectContaining({ correlationId, payload: { groupId: group.id, capacity: 3, previousCapacity: 1, changedBy: 'instructor-1', changedAt: expect.any(String) } }),
      ]);
      // The promotion it gave carries the same correlation id.
      expect((await envelopes('GroupEnrollmentChanged', b.clientId)).map((e) => [e.payload.status, e.correlationId])).toEqual([
        ['WAITLISTED', expect.any(String)],
        ['ENROLLED', correlationId],
      ]);
    });

    it('enrollment and attendance events carry the request’s correlation id', async () => {
      const group = await createGroup();
      const client = await eligibleClient();
      const [enrolling, recording] = [randomUUID(), randomUUID()];
      expect((await gql(ENROLL, { input: { groupId: group.id, clientId: client.clientId } }, withCorrelation(enrolling))).errors).toBeUndefined();
      const RECORD = `mutation($input: RecordGroupAttendanceInput!) { recordGroupAttendance(input: $input) { id } }`;
      expect((await gql(RECORD, { input: { sessionId: group.sessions[0].id, clientId: client.clientId, attendance: 'PRESENT' } }, withCorrelation(recording))).errors).toBeUndefined();
      expect((await envelopes('GroupEnrollmentChanged', client.clientId)).map((e) => e.correlationId)).toEqual([enrolling]);
      expect((await envelopes('GroupAttendanceRecorded', client.clientId)).map((e) => e.correlationId)).toEqual([recording]);
    });
  });

  describe('client relationships', () => {
    const RECORD = `mutation($input: RecordGroupAttendanceInput!) { recordGroupAttendance(input: $input) { id } }`;
    const GROUP_LISTS = `query($id: ID!) { rehabilitationGroup(id: $id) { name capacity roster { clientId status } attendance { present absent } sessions { attendance { clientId status } } } }`;
    let stranger: Record<string, string>;
    beforeAll(async () => {
      stranger = await gatewayHeaders(worker('stranger-1', 'SOCIAL_INSTRUCTOR', 'team-other'));
    });
    const accessLog = (clientId: string, actorId: string) =>
      service.dataSource.query(`SELECT action, categories, basis, outcome FROM access_log WHERE client_id = $1 AND actor_id = $2 ORDER BY id`, [clientId, actorId]);

    it('a worker without a relationship cannot enroll, withdraw or record attendance for the client by id: FORBIDDEN, nothing written, the refusal logged', async () => {
      const group = await createGroup();
      const [client, enrolled] = [await eligibleClient(), await eligibleClient()];
      await gql(ENROLL, { input: { groupId: group.id, clientId: enrolled.clientId } });

      const refusals = [
        await gql(ENROLL, { input: { groupId: group.id, clientId: client.clientId } }, stranger),
        await gql(LEAVE, { input: { groupId: group.id, clientId: enrolled.clientId } }, stranger),
        await gql(RECORD, { input: { sessionId: group.sessions[0].id, clientId: enrolled.clientId, attendance: 'PRESENT' } }, stranger),
        // An unknown group or session is refused the same way: whether it exists is not the question.
        await gql(ENROLL, { input: { groupId: randomUUID(), clientId: client.clientId } }, stranger),
        await gql(RECORD, { input: { sessionId: randomUUID(), clientId: enrolled.clientId, attendance: 'PRESENT' } }, stranger),
      ];
      for (const response of refusals) {
        expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect(response.data ?? null).toBeNull();
      }
      expect(await count(`group_enrollment WHERE client_id = $1`, [client.clientId])).toBe(0);
      expect(await count(`group_enrollment WHERE client_id = $1 AND status = 'ENROLLED'`, [enrolled.clientId])).toBe(1);
      expect(await count(`attendance WHERE client_id = $1`, [enrolled.clientId])).toBe(0);
      expect(await outbox('GroupEnrollmentChanged', client.clientId)).toEqual([]);
      expect(await outbox('GroupEnrollmentChanged', enrolled.clientId)).toHaveLength(1);
      expect(await outbox('GroupAttendanceRecorded', enrolled.clientId)).toEqual([]);
      await eventually(async () => {
        const refused = (category: string) => ({ action: 'CHANGE', categories: [`group-activity:${category}`], basis: 'no client relationship', outcome: 'REFUSED' });
        expect(await accessLog(client.clientId, 'stranger-1')).toEqual([refused('groupEnrollments'), refused('groupEnrollments')]);
        expect(await accessLog(enrolled.clientId, 'stranger-1')).toEqual([refused('groupEnrollments'), refused('groupAttendance'), refused('groupAttendance')]);
      });
    });

    it('Client.groupEnrollments and rehabilitationEligibility need a relationship: FORBIDDEN without, logged REFUSED', async () => {
      const group = await createGroup();
      const client = await eligibleClient();
      await gql(ENROLL, { input: { groupId: group.id, clientId: client.clientId } });
      for (const selection of ['groupEnrollments { id status }', 'rehabilitationEligibility { eligible }']) {
        const response = await resolveClients(service.url, stranger, [client.clientId], selection);
        expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        // The field fails on its own path; nothing of it is returned (issue #15).
        expect(Object.values(response.data?._entities?.[0] ?? {}).filter((value) => value !== null && value !== client.clientId)).toEqual([]);
      }
      await eventually(async () =>
        expect(await accessLog(client.clientId, 'stranger-1')).toEqual([
          { action: 'READ', categories: ['group-activity:groupEnrollments'], basis: 'no client relationship', outcome: 'REFUSED' },
          { action: 'READ', categories: ['group-activity:rehabilitationEligibility'], basis: 'no client relationship', outcome: 'REFUSED' },
        ]),
      );
    });

    it('a team supervisor has a relationship: enrolls, and the log names it', async () => {
      const group = await createGroup();
      const client = await eligibleClient(randomUUID(), []);
      const supervisor = await gatewayHeaders(worker('lead-1', 'SUPERVISOR'));
      expect((await gql(ENROLL, { input: { groupId: group.id, clientId: client.clientId } }, supervisor)).errors).toBeUndefined();
      const enrollments = await resolveClients(service.url, supervisor, [client.clientId], 'groupEnrollments { status }');
      expect(enrollments.data!._entities).toEqual([{ groupEnrollments: [{ status: 'ENROLLED' }] }]);
      await eventually(async () =>
        expect(await accessLog(client.clientId, 'lead-1')).toEqual([
          { action: 'CHANGE', categories: ['group-activity:groupEnrollments'], basis: 'relationship:TEAM_SUPERVISOR', outcome: 'ALLOWED' },
          { action: 'READ', categories: ['group-activity:groupEnrollments'], basis: 'relationship:TEAM_SUPERVISOR', outcome: 'ALLOWED' },
        ]),
      );
    });

    it('roster, waitlist and attendance lists leave out clients the caller has no relationship with; a facilitator sees the group’s own', async () => {
      const group = await createGroup({ capacity: 1 });
      const [mine, other] = [await eligibleClient(randomUUID(), ['instructor-1', 'nurse-9']), await eligibleClient()];
      await gql(ENROLL, { input: { groupId: group.id, clientId: other.clientId } });
      await gql(ENROLL, { input: { groupId: group.id, clientId: mine.clientId } });
      // instructor-1 runs the group and no longer works on other's case: keeping the group's register is
      // still theirs, on the facilitator basis.
      await service.dataSource.query(`UPDATE case_relationships SET co_workers = '{}' WHERE client_id = $1`, [other.clientId]);
      const recorded = await gql(RECORD, { input: { sessionId: group.sessions[0].id, clientId: other.clientId, attendance: 'PRESENT' } });
      expect(recorded.errors).toBeUndefined();
      await eventually(async () => {
        const changes = await service.dataSource.query(`SELECT basis FROM access_log WHERE client_id = $1 AND actor_id = 'instructor-1' AND action = 'CHANGE' AND categories = '{group-activity:groupAttendance}'`, [other.clientId]);
        expect(changes).toEqual([{ basis: `facilitator:${group.id}` }]);
      });

      // nurse-9 works on one client's case and does not run the group.
      const nurse = await gatewayHeaders(worker('nurse-9', 'PRACTICAL_NURSE', 'team-other'));
      const seen = (await gql(GROUP_LISTS, { id: group.id }, nurse)).data.rehabilitationGroup;
      expect(seen.roster).toEqual([{ clientId: mine.clientId, status: 'WAITLISTED' }]);
      expect(seen.attendance).toEqual({ present: 0, absent: 0 });
      expect(seen.sessions[0].attendance).toEqual([]);

      // A stranger sees the group, none of its clients.
      const strangers = await gql(GROUP_LISTS, { id: group.id }, stranger);
      expect(strangers.errors).toBeUndefined();
      expect(strangers.data.rehabilitationGroup).toMatchObject({ name: group.name, capacity: 1, roster: [], attendance: { present: 0, absent: 0 } });
      expect(strangers.data.rehabilitationGroup.sessions[0].attendance).toEqual([]);

      // instructor-1 runs the group: the whole roster and attendance, on the facilitator basis.
      const facilitator = (await gql(GROUP_LISTS, { id: group.id })).data.rehabilitationGroup;
      expect(facilitator.roster).toEqual([
        { clientId: other.clientId, status: 'ENROLLED' },
        { clientId: mine.clientId, status: 'WAITLISTED' },
      ]);
      expect(facilitator.attendance).toEqual({ present: 1, absent: 0 });
      expect(facilitator.sessions[0].attendance).toEqual([{ clientId: other.clientId, status: 'PRESENT' }]);
      await eventually(async () => {
        const reads = await service.dataSource.query(`SELECT DISTINCT basis FROM access_log WHERE client_id = $1 AND actor_id = 'instructor-1' AND action = 'READ'`, [other.clientId]);
        expect(reads).toEqual([{ basis: `facilitator:${group.id}` }]);
      });
      // ...but a facilitator without a relationship cannot change the client's enrollment.
      const refused = await gql(LEAVE, { input: { groupId: group.id, clientId: other.clientId } });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await count(`group_enrollment WHERE client_id = $1 AND status = 'ENROLLED'`, [other.clientId])).toBe(1);
      expect(await service.dataSource.query(`SELECT client_id FROM access_log WHERE actor_id = 'nurse-9' AND client_id = $1`, [other.clientId])).toEqual([]);
    });
  });

  describe('access', () => {
    it('refuses callers without a group-work role (FORBIDDEN) and calls without gateway identity (UNAUTHENTICATED)', async () => {
      const name = `Forbidden ${randomUUID()}`;
      const handler = await gatewayHeaders(worker('handler-1', 'BENEFITS_HANDLER'));
      const response = await gql(CREATE, { input: weeklyGroup({ name }) }, handler);
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await count(`rehabilitation_group WHERE name = $1`, [name])).toBe(0);
      const anonymous = await resolveClients(service.url, {}, [randomUUID()], 'id groupEnrollments { id }');
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });
});
