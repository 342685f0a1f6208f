import { randomUUID } from 'node:crypto';
import type { Identity, UserRole } from '@asw/auth';
import { addDays, dayOfWeek, todayInFinland } from '@asw/calendar';
import { createEnvelope, topicOf } from '@asw/events';
import { countQueriesOn, eventually, gatewayHeaders, observeTopic, postGraphQL, produceRaw, resolveClients, RunningSubgraph, startSubgraph } from '@asw/testing';
import { WEEKDAYS } from '../src/domain';
import { EnrollmentCommands } from '../src/enrollments/enrollment.command';
import { groupActivitySubgraph } from '../src/group-activity.subgraph';

const worker = (userId: string, role: UserRole): Identity => ({ kind: 'user', userId, roles: [role], team: 'team-test', organisation: 'test-county' });

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
  const outbox = async (type: string, clientId: string) =>
    (await service.dataSource.query(`SELECT envelope FROM outbox WHERE event_type = $1 AND message_key = $2 ORDER BY seq`, [type, clientId])).map(
      (row: { envelope: { payload: any } }) => row.envelope.payload,
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

  /** A client case has granted social rehabilitation, as group-activity learned it; resolves with the decision's case id. */
  async function eligibleClient(clientId = randomUUID()) {
    const event = decision(clientId);
    await produceCaseEvents(clientId, [event]);
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

    it('facilitators change as staff do; an empty list is refused and writes nothing', async () => {
      const group = await createGroup();
      const SET = `mutation($input: SetGroupFacilitatorsInput!) { setGroupFacilitators(input: $input) { facilitatorIds } }`;
      expect((await gql(SET, { input: { groupId: group.id, facilitatorIds: ['nurse-2', ' instructor-3 '] } })).data.setGroupFacilitators).toEqual({ facilitatorIds: ['nurse-2', 'instructor-3'] });
      expect((await gql(SET, { input: { groupId: group.id, facilitatorIds: [] } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await gql(SET, { input: { groupId: randomUUID(), facilitatorIds: ['nurse-2'] } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
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
      await produceCaseEvents(expired, [decision(expired, { validFrom: addDays(today, -100), validUntil: addDays(today, -1) })]);
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
          { actor_id: 'instructor-1', action: 'CHANGE', categories: ['group-activity:groupEnrollments'], basis: 'role:SOCIAL_INSTRUCTOR' },
          { actor_id: 'instructor-1', action: 'CHANGE', categories: ['group-activity:groupAttendance'], basis: 'role:SOCIAL_INSTRUCTOR' },
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
