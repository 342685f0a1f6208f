import type { Identity } from '@asw/auth';
import { addDays, dayOfWeek, todayInFinland } from '@asw/calendar';
import { eventually } from '@asw/testing';
import { assignCaseWorkers, caseWithGrantedDecision, ok as request, registerClient, testIdentityCode } from '../support/case-steps';
import { RunningGraph, startGraph } from '../support/graph.harness';

// Plain-language description: group-activity.feature.md beside this file.
const SOCIAL_WORKER: Identity = { kind: 'user', userId: 'sw-e2e-group', roles: ['SOCIAL_WORKER'], team: 'team-e2e', organisation: 'test-county' };
const INSTRUCTOR: Identity = { kind: 'user', userId: 'instructor-e2e-group', roles: ['SOCIAL_INSTRUCTOR'], team: 'team-e2e', organisation: 'test-county' };
/** The team's lead: a relationship with every client of the team's cases, open or closed. */
const SUPERVISOR: Identity = { kind: 'user', userId: 'lead-e2e-group', roles: ['SUPERVISOR'], team: 'team-e2e', organisation: 'test-county' };
/** A worker of another team, on none of the clients' cases. */
const STRANGER: Identity = { kind: 'user', userId: 'stranger-e2e-group', roles: ['SOCIAL_INSTRUCTOR'], team: 'team-e2e-other', organisation: 'test-county' };
const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

describe('group activity through the gateway: decision → eligibility → enrollment → attendance → contact statistics; case closed → enrollment ends', () => {
  let graph: RunningGraph;
  let socialWorker: string;
  let instructor: string;
  let supervisor: string;
  let stranger: string;
  const today = todayInFinland();
  let individual = 200;

  beforeAll(async () => {
    graph = await startGraph();
    socialWorker = await graph.token(SOCIAL_WORKER);
    instructor = await graph.token(INSTRUCTOR);
    supervisor = await graph.token(SUPERVISOR);
    stranger = await graph.token(STRANGER);
  });
  afterAll(() => graph?.close());

  const ok = (query: string, variables: Record<string, unknown>, token: string) => request(graph, query, variables, token);
  const groupActivityDb = () => graph.subgraphs['group-activity'].dataSource;

  /** A client whose assessed case (case service) has a granted social rehabilitation decision in force. */
  async function clientWithDecision(): Promise<{ clientId: string; caseId: string }> {
    const clientId = await registerClient(graph, socialWorker, testIdentityCode('120485', individual++));
    const caseId = await caseWithGrantedDecision(graph, socialWorker, clientId, {
      serviceType: 'SOCIAL_REHABILITATION',
      summary: 'Tarve sosiaaliselle kuntoutukselle.',
      supportNeeds: ['DAILY_LIVING', 'SOCIAL_RELATIONSHIPS'],
      reasoning: 'Sosiaalisen kuntoutuksen tarve todettu palvelutarpeen arvioinnissa.',
      clientGoals: ['Säännöllinen päivärytmi'],
    });
    return { clientId, caseId };
  }

  const ELIGIBILITY = `query($id: ID!) { client(id: $id) { rehabilitationEligibility { eligible reason } } }`;
  const ENROLLMENTS = `query($id: ID!) { client(id: $id) { groupEnrollments { status endReason group { name } attendance { present rate } } } }`;
  const ENROLL = `mutation($input: GroupEnrollmentInput!) { enrollInGroup(input: $input) { status waitlistPosition } }`;

  it('a granted decision makes the client eligible; they enroll, attend, and the presence counts as a GROUP_SESSION contact in case; closing the case ends the enrollment', async () => {
    const { clientId, caseId } = await clientWithDecision();
    // The instructor becomes the named worker, the social worker who opened the case stays on it.
    await assignCaseWorkers(graph, supervisor, caseId, { userId: 'instructor-e2e-group', name: 'Ilona Ohjaaja', role: 'SOCIAL_INSTRUCTOR', team: 'team-e2e' }, [
      { userId: 'sw-e2e-group', name: 'Sanna Sosiaalityöntekijä', role: 'SOCIAL_WORKER', team: 'team-e2e' },
    ]);    await eventually(async () => expect((await ok(ELIGIBILITY, { id: clientId }, instructor)).client.rehabilitationEligibility).toEqual({ eligible: true, reason: 'ELIGIBLE' }));

    const { createRehabilitationGroup: group } = await ok(
      `mutation($input: CreateRehabilitationGroupInput!) { createRehabilitationGroup(input: $input) { id name sessions { id date theme } } }`,
      {
        input: {
          name: 'Green Care -ryhmä',
          kind: 'IN_PERSON_WEEKLY',
          capacity: 6,
          startsOn: today,
          endsOn: addDays(today, 55),
          startTime: '13:00',
          durationMinutes: 90,
          themes: ['GREEN_CARE', 'SELF_CARE'],
          weekday: WEEKDAYS[dayOfWeek(today) - 1],
          facilitatorIds: [INSTRUCTOR.kind === 'user' ? INSTRUCTOR.userId : ''],
        },
      },
      instructor,
    );
    expect(group.sessions).toHaveLength(8);
    expect((await ok(ENROLL, { input: { groupId: group.id, clientId } }, instructor)).enrollInGroup).toEqual({ status: 'ENROLLED', waitlistPosition: null });

    await ok(
      `mutation($input: RecordGroupAttendanceInput!) { recordGroupAttendance(input: $input) { id } }`,
      { input: { sessionId: group.sessions[0].id, clientId, attendance: 'PRESENT' } },
      instructor,
    );
    expect((await ok(ENROLLMENTS, { id: clientId }, instructor)).client.groupEnrollments).toEqual([
      { status: 'ENROLLED', endReason: null, group: { name: 'Green Care -ryhmä' }, attendance: { present: 1, rate: 1 } },
    ]);

    await eventually(async () => {
      const { client } = await ok(`query($id: ID!) { client(id: $id) { contacts { contactType occurredOn durationMinutes workerRole source } } }`, { id: clientId }, socialWorker);
      expect(client.contacts).toEqual([{ contactType: 'GROUP_SESSION', occurredOn: today, durationMinutes: 90, workerRole: 'SOCIAL_INSTRUCTOR', source: expect.any(String) }]);
    });
    const { contactStatistics } = await ok(`query($from: LocalDate!, $to: LocalDate!) { contactStatistics(from: $from, to: $to) { workerRole groupSessions } }`, { from: today, to: today }, socialWorker);
    expect(contactStatistics).toContainEqual({ workerRole: 'SOCIAL_INSTRUCTOR', groupSessions: 1 });

    await ok(`mutation($id: ID!) { closeCase(caseId: $id, input: { reason: SERVICES_ENDED }) { id } }`, { id: caseId }, socialWorker);
    // A closed case ends the workers' access through it; the team's supervisor keeps it.
    await eventually(async () =>
      expect((await ok(ENROLLMENTS, { id: clientId }, supervisor)).client.groupEnrollments).toEqual([
        { status: 'ENDED', endReason: 'CASE_CLOSED', group: { name: 'Green Care -ryhmä' }, attendance: { present: 1, rate: 1 } },
      ]),
    );
    expect((await ok(ELIGIBILITY, { id: clientId }, supervisor)).client.rehabilitationEligibility).toEqual({ eligible: false, reason: 'CASE_CLOSED' });
  });

  it('a client without a social rehabilitation decision is refused with a clear error, and nothing is written', async () => {
    const clientId = await registerClient(graph, socialWorker, testIdentityCode('120485', individual++), { firstName: 'Matti', lastName: 'Korhonen' });
    await ok(`mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { clientId, initiationChannel: 'APPLICATION', initiatedOn: today } }, socialWorker);
    const { createRehabilitationGroup: group } = await ok(
      `mutation($input: CreateRehabilitationGroupInput!) { createRehabilitationGroup(input: $input) { id } }`,
      {
        input: {
          name: 'Etäryhmä',
          kind: 'REMOTE_PERIOD',
          capacity: 8,
          startsOn: today,
          endsOn: addDays(today, 70),
          startTime: '10:00',
          durationMinutes: 60,
          themes: ['GETTING_TO_KNOW_SERVICES'],
          sessionCount: 10,
          meetingUrl: 'https://meet.example.fi/etaryhma',
          facilitatorIds: ['instructor-e2e-group'],
        },
      },
      instructor,
    );
    // The social worker works on the client's open case (a relationship, as soon as group-activity learns it).
    await eventually(async () => {
      const response = await graph.request(ENROLL, { input: { groupId: group.id, clientId } }, socialWorker);
      expect(response.errors?.[0]).toMatchObject({ message: 'client has no active social rehabilitation decision', extensions: { code: 'CONFLICT' } });
    });
    const [{ n }] = await groupActivityDb().query(`SELECT count(*)::int AS n FROM group_enrollment WHERE client_id = $1`, [clientId]);
    expect(n).toBe(0);
  });

  it('client relationships: a worker on none of the client’s cases cannot enroll them or read their enrollments; group lists leave them out; the group’s facilitator sees its roster', async () => {
    const { clientId } = await clientWithDecision();
    const { createRehabilitationGroup: group } = await ok(
      `mutation($input: CreateRehabilitationGroupInput!) { createRehabilitationGroup(input: $input) { id sessions { id } } }`,
      {
        input: {
          name: 'Itsehoitoryhmä',
          kind: 'IN_PERSON_WEEKLY',
          capacity: 6,
          startsOn: today,
          endsOn: addDays(today, 20),
          startTime: '10:00',
          durationMinutes: 60,
          themes: ['SELF_CARE'],
          weekday: WEEKDAYS[dayOfWeek(today) - 1],
          facilitatorIds: ['instructor-e2e-group'],
        },
      },
      instructor,
    );
    const count = async (sql: string, params: unknown[]) => (await groupActivityDb().query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n as number;

    // A stranger enrolling the client by id: FORBIDDEN, nothing written, the refusal in group-activity's käyttöloki.
    const refused = await graph.request(ENROLL, { input: { groupId: group.id, clientId } }, stranger);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.data?.enrollInGroup ?? null).toBeNull();
    expect(await count(`group_enrollment WHERE client_id = $1`, [clientId])).toBe(0);
    expect(await count(`outbox WHERE message_key = $1 AND event_type = 'GroupEnrollmentChanged'`, [clientId])).toBe(0);
    expect(
      await groupActivityDb().query(`SELECT action, categories, basis, outcome FROM access_log WHERE client_id = $1 AND actor_id = 'stranger-e2e-group'`, [clientId]),
    ).toEqual([{ action: 'CHANGE', categories: ['group-activity:groupEnrollments'], basis: 'no client relationship', outcome: 'REFUSED' }]);

    // The social worker who opened the case enrolls the client (once group-activity learned the relationship).
    await eventually(async () => expect((await ok(ENROLL, { input: { groupId: group.id, clientId } }, socialWorker)).enrollInGroup).toEqual({ status: 'ENROLLED', waitlistPosition: null }));
    await ok(`mutation($input: RecordGroupAttendanceInput!) { recordGroupAttendance(input: $input) { id } }`, { input: { sessionId: group.sessions[0].id, clientId, attendance: 'PRESENT' } }, socialWorker);

    // Client.groupEnrollments through the gateway: refused to the stranger, no data.
    const enrollments = await graph.request(ENROLLMENTS, { id: clientId }, stranger);
    expect(enrollments.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(enrollments.data?.client?.groupEnrollments ?? null).toBeNull();

    // Group lists: the stranger sees the group but not the client; the social worker sees their client; the facilitator sees the roster.
    const LISTS = `query($id: ID!) { rehabilitationGroup(id: $id) { name roster { clientId status } attendance { present } sessions { attendance { clientId status } } } }`;
    const strangers = (await ok(LISTS, { id: group.id }, stranger)).rehabilitationGroup;
    expect(strangers).toMatchObject({ name: 'Itsehoitoryhmä', roster: [], attendance: { present: 0 } });
    expect(strangers.sessions[0].attendance).toEqual([]);
    const own = (await ok(LISTS, { id: group.id }, socialWorker)).rehabilitationGroup;
    expect(own.roster).toEqual([{ clientId, status: 'ENROLLED' }]);
    const facilitated = (await ok(LISTS, { id: group.id }, instructor)).rehabilitationGroup;
    expect(facilitated.roster).toEqual([{ clientId, status: 'ENROLLED' }]);
    expect(facilitated.sessions[0].attendance).toEqual([{ clientId, status: 'PRESENT' }]);
    expect(
      await groupActivityDb().query(`SELECT DISTINCT basis FROM access_log WHERE client_id = $1 AND actor_id = 'instructor-e2e-group' AND action = 'READ'`, [clientId]),
    ).toEqual([{ basis: `facilitator:${group.id}` }]);
    expect(
      await groupActivityDb().query(`SELECT DISTINCT basis FROM access_log WHERE client_id = $1 AND actor_id = 'sw-e2e-group' AND outcome = 'ALLOWED'`, [clientId]),
    ).toEqual([{ basis: 'relationship:CO_WORKER' }]);
  });
});
