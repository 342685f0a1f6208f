import { randomUUID } from 'node:crypto';
import { todayInFinland } from '@asw/calendar';
import { createEnvelope, GroupAttendanceRecorded, SupportVisitDone, topicOf } from '@asw/events';
import { countQueriesOn, eventually, gatewayHeaders, observeTopic, postGraphQL, produceRaw, resolveClients, RunningSubgraph, startSubgraph, TEST_WORKER } from '@asw/testing';
import { caseSubgraph } from '../src/case.subgraph';
import { contactsFromFigures, NOSTE_2016_SEED } from '../src/domain';
import { clientWithCase, ok, SUPERVISOR } from './case-test-kit';

const RECORD = `mutation($input: RecordContactInput!) { recordContact(input: $input) { id contactType occurredOn durationMinutes workerId workerRole team source } }`;
const STATISTICS = `query($from: LocalDate!, $to: LocalDate!, $team: String) {
  contactStatistics(from: $from, to: $to, team: $team) { month workerRole officeVisits homeVisits phoneCalls remoteMeetings groupSessions total }
}`;

/** Runs `work` over `items`, `width` at a time. */
async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

describe('case subgraph: contacts and contact statistics', () => {
  let service: RunningSubgraph;
  let headers: Record<string, string>;
  const supervisor = () => gatewayHeaders(SUPERVISOR);

  beforeAll(async () => {
    service = await startSubgraph(caseSubgraph);
    headers = await gatewayHeaders(TEST_WORKER);
  });
  afterAll(() => service?.close());

  const count = async (table: string) => Number((await service.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  /** A client the test worker works with (they opened a case for them). */
  const newClient = async () => (await clientWithCase(service.url, headers)).clientId;
  const newWorker = async (userId: string, role: string, team: string) =>
    (await ok(service.url, `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`, { input: { userId, name: 'Testi Työntekijä', role, team } }, await supervisor())).registerWorker
      .id as string;

  it('loading the Lahti #Noste 2016 seed reproduces DOMAIN.md’s table of visits exactly', async () => {
    const team = NOSTE_2016_SEED.team;
    const workerOf = {
      SOCIAL_INSTRUCTOR: await newWorker('noste-instructor', 'SOCIAL_INSTRUCTOR', team),
      PRACTICAL_NURSE: await newWorker('noste-nurse', 'PRACTICAL_NURSE', team),
    } as Record<string, string>;
    const clients: string[] = [];
    for (let i = 0; i < 12; i++) clients.push(await newClient());
    const contacts = contactsFromFigures(NOSTE_2016_SEED.figures);
    await inParallel(
      contacts.map((contact, index) => ({ contact, clientId: clients[index % clients.length] })),
      6,
      ({ contact, clientId }) => ok(service.url, RECORD, { input: { clientId, type: contact.type, occurredOn: contact.occurredOn, durationMinutes: 45, workerId: workerOf[contact.workerRole] } }, headers),
    );
    // Another team's visit in the same months does not count for #Noste.
    const other = await newWorker('other-instructor', 'SOCIAL_INSTRUCTOR', 'Other team');
    await ok(service.url, RECORD, { input: { clientId: clients[0], type: 'HOME_VISIT', occurredOn: '2016-07-04', workerId: other } }, headers);

    const rows = (await ok(service.url, STATISTICS, { from: NOSTE_2016_SEED.from, to: NOSTE_2016_SEED.to, team }, headers)).contactStatistics;
    const expected = [...NOSTE_2016_SEED.figures]
      .sort((a, b) => a.month.localeCompare(b.month) || (a.workerRole === 'SOCIAL_INSTRUCTOR' ? -1 : 1))
      .map(({ month, workerRole, officeVisits, homeVisits, total }) => ({ month, workerRole, officeVisits, homeVisits, phoneCalls: 0, remoteMeetings: 0, groupSessions: 0, total }));
    expect(rows).toEqual(expected);
    // DOMAIN.md, as printed: social instructors' totals June–November and practical nurses' July–November.
    expect(rows.filter((row: any) => row.workerRole === 'SOCIAL_INSTRUCTOR').map((row: any) => row.total)).toEqual([56, 92, 120, 128, 102, 111]);
    expect(rows.filter((row: any) => row.workerRole === 'PRACTICAL_NURSE').map((row: any) => row.total)).toEqual([38, 39, 46, 52, 50]);

    const allTeams = (await ok(service.url, STATISTICS, { from: '2016-07-01', to: '2016-07-31' }, headers)).contactStatistics;
    expect(allTeams.find((row: any) => row.workerRole === 'SOCIAL_INSTRUCTOR').homeVisits).toBe(37);
  });

  it('records a contact by the caller and publishes ContactRecorded', async () => {
    const clientId = await newClient();
    const observer = await observeTopic(topicOf('case', service.config.KAFKA_TOPIC_PREFIX));
    try {
      const today = todayInFinland();
      const contact = (await ok(service.url, RECORD, { input: { clientId, type: 'PHONE', occurredOn: today, durationMinutes: 15 } }, headers)).recordContact;
      // The caller is not a registered worker: the contact counts under their token's role and team.
      expect(contact).toMatchObject({ contactType: 'PHONE', occurredOn: today, durationMinutes: 15, workerId: 'worker-test-1', workerRole: 'SOCIAL_WORKER', team: 'team-test', source: 'CASE' });
      const event = await eventually(() => {
        const found = observer.received.find((m) => m.envelope.type === 'ContactRecorded' && m.envelope.subject === clientId);
        if (!found) throw new Error('ContactRecorded not yet on Kafka');
        return found;
      });
      expect(event.envelope.payload).toEqual({
        contactId: contact.id,
        clientId,
        contactType: 'PHONE',
        occurredOn: today,
        durationMinutes: 15,
        performedBy: { workerId: 'worker-test-1', workerRole: 'SOCIAL_WORKER' },
      });
    } finally {
      await observer.stop();
    }
  });

  it.each([
    ['a future day', { occurredOn: '2999-01-01' }, 'BAD_USER_INPUT', 'occurredOn'],
    ['a zero duration', { durationMinutes: 0 }, 'BAD_USER_INPUT', 'durationMinutes'],
    ['an unknown worker', { workerId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', undefined],
    // Refused like a client without a relationship: whether it exists is not revealed.
    ['an unknown client', { clientId: '00000000-0000-4000-8000-000000000000' }, 'FORBIDDEN', undefined],
    ['a malformed client id', { clientId: 'nope' }, 'BAD_USER_INPUT', 'clientId'],
  ])('refuses %s, writing no contact and no event', async (_label, override, code, field) => {
    const clientId = await newClient();
    const before = { contacts: await count('contact'), outbox: await count('outbox') };
    const response = await postGraphQL(service.url, RECORD, { input: { clientId, type: 'HOME_VISIT', occurredOn: '2025-03-03', ...override } }, headers);
    expect(response.errors?.[0].extensions?.code).toBe(code);
    if (field) expect(response.errors?.[0].extensions).toMatchObject({ details: { field } });
    expect({ contacts: await count('contact'), outbox: await count('outbox') }).toEqual(before);
  });

  it('refuses an auditor (FORBIDDEN) and statistics periods out of range (BAD_USER_INPUT)', async () => {
    const auditor = await gatewayHeaders({ kind: 'user', userId: 'a-1', roles: ['AUDITOR'], team: 't', organisation: 'o' });
    const forbidden = await postGraphQL(service.url, RECORD, { input: { clientId: await newClient(), type: 'PHONE', occurredOn: '2025-03-03' } }, auditor);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const backwards = await postGraphQL(service.url, STATISTICS, { from: '2016-06-01', to: '2016-05-31' }, headers);
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'to' } });
    const tooLong = await postGraphQL(service.url, STATISTICS, { from: '2014-01-01', to: '2016-12-31' }, headers);
    expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'to' } });
  });

  it('counts housing support visits and attended group sessions reported by events, once each, in the worker’s team', async () => {
    const clientId = await newClient();
    const nurse = await newWorker('reported-nurse', 'PRACTICAL_NURSE', 'Reported team');
    const visit = createEnvelope(
      SupportVisitDone.type,
      SupportVisitDone.version,
      'housing-support',
      SupportVisitDone.payload.parse({
        visitId: randomUUID(),
        periodId: randomUUID(),
        clientId,
        visitedOn: '2025-03-04',
        durationMinutes: 60,
        guidanceAreas: ['LOOKING_AFTER_THE_HOME'],
        performedBy: { workerId: 'reported-nurse', workerRole: 'PRACTICAL_NURSE' },
      }),
      { subject: clientId, correlationId: randomUUID() },
    );
    const attendance = (state: 'PRESENT' | 'ABSENT') =>
      createEnvelope(
        GroupAttendanceRecorded.type,
        GroupAttendanceRecorded.version,
        'group-activity',
        GroupAttendanceRecorded.payload.parse({
          attendanceId: randomUUID(),
          sessionId: randomUUID(),
          groupId: randomUUID(),
          clientId,
          attendance: state,
          sessionDate: '2025-03-05',
          durationMinutes: 90,
          performedBy: { workerId: nurse, workerRole: 'PRACTICAL_NURSE' },
        }),
        { subject: clientId, correlationId: randomUUID() },
      );
    const present = attendance('PRESENT');
    const message = (envelope: object) => ({ key: clientId, value: JSON.stringify(envelope) });
    // Each delivered twice: the inbox applies it once.
    await produceRaw(topicOf('housing-support', service.config.KAFKA_TOPIC_PREFIX), [message(visit), message(visit)]);
    await produceRaw(topicOf('group-activity', service.config.KAFKA_TOPIC_PREFIX), [message(present), message(attendance('ABSENT')), message(present)]);

    const CONTACTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Client { contacts { contactType occurredOn workerRole team source durationMinutes } } } }`;
    await eventually(async () => {
      const response = await postGraphQL(service.url, CONTACTS, { r: [{ __typename: 'Client', id: clientId }] }, headers);
      expect(response.data._entities[0].contacts).toEqual([
        { contactType: 'GROUP_SESSION', occurredOn: '2025-03-05', workerRole: 'PRACTICAL_NURSE', team: 'Reported team', source: 'GROUP_ACTIVITY', durationMinutes: 90 },
        { contactType: 'HOME_VISIT', occurredOn: '2025-03-04', workerRole: 'PRACTICAL_NURSE', team: 'Reported team', source: 'HOUSING_SUPPORT', durationMinutes: 60 },
      ]);
    });
    const rows = (await ok(service.url, STATISTICS, { from: '2025-03-01', to: '2025-03-31', team: 'Reported team' }, headers)).contactStatistics;
    expect(rows).toEqual([{ month: '2025-03', workerRole: 'PRACTICAL_NURSE', officeVisits: 0, homeVisits: 1, phoneCalls: 0, remoteMeetings: 0, groupSessions: 1, total: 2 }]);
  });

  it('resolves the contacts of many clients in one SQL query', async () => {
    const ids = [await newClient(), await newClient(), await newClient()];
    for (const clientId of ids) await ok(service.url, RECORD, { input: { clientId, type: 'REMOTE', occurredOn: '2025-05-05' } }, headers);
    let response: any;
    const queries = await countQueriesOn('contact', async () => {
      response = await resolveClients(service.url, headers, ids, 'contacts { contactType }');
    });
    expect(response.data._entities.map((client: any) => client.contacts)).toEqual([[{ contactType: 'REMOTE' }], [{ contactType: 'REMOTE' }], [{ contactType: 'REMOTE' }]]);
    expect(queries).toBe(1);
  });
});
