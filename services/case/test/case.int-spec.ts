import { topicOf } from '@asw/events';
import { PersonalIdentityCodeProtector, keyringFromEnvironment } from '@asw/personal-identity-code';
import { countQueriesOn, eventually, gatewayHeaders, observeTopic, postGraphQL, resolveClients, RunningSubgraph, startSubgraph, TEST_WORKER } from '@asw/testing';
import { caseSubgraph } from '../src/case.subgraph';
import { AUDITOR, KELA, nextCode, ok, openCaseFor, personalIdentityCode, REGISTER, registration, SUPERVISOR } from './case-test-kit';

describe('case subgraph: clients and workers (real PostgreSQL and Kafka)', () => {
  let service: RunningSubgraph;
  let headers: Record<string, string>;

  beforeAll(async () => {
    service = await startSubgraph(caseSubgraph);
    headers = await gatewayHeaders(TEST_WORKER);
  });
  afterAll(() => service?.close());

  const count = async (table: string) => Number((await service.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const counts = async () => ({ clients: await count('client'), outbox: await count('outbox') });

  it('registers a client with a henkilötunnus, stores it only encrypted with a lookup hash, and publishes ClientRegistered with the hash', async () => {
    const code = personalIdentityCode('1952-10-13', 308);
    const observer = await observeTopic(topicOf('case', service.config.KAFKA_TOPIC_PREFIX));
    try {
      const client = (await ok(service.url, REGISTER, { input: registration({ personalIdentityCode: code, firstName: ' Aino ', preferredLanguage: 'SV' }) }, headers)).registerClient;
      expect(client).toMatchObject({ firstName: 'Aino', lastName: 'Virtanen', dateOfBirth: '1952-10-13', municipalityCode: '398', preferredLanguage: 'SV' });
      expect(client.age).toBeGreaterThanOrEqual(73);

      const [row] = await service.dataSource.query(`SELECT * FROM client WHERE id = $1`, [client.id]);
      const protector = new PersonalIdentityCodeProtector(keyringFromEnvironment());
      expect(JSON.stringify(row)).not.toContain(code);
      expect(protector.decrypt(row.personal_identity_code_encrypted)).toBe(code);
      expect(row.personal_identity_code_hash).toBe(protector.lookupHash(code));

      const event = await eventually(() => {
        const found = observer.received.find((message) => message.envelope.subject === client.id);
        if (!found) throw new Error('ClientRegistered not yet on Kafka');
        return found;
      });
      expect(event.key).toBe(client.id);
      expect(event.envelope).toMatchObject({
        type: 'ClientRegistered',
        producer: 'case',
        payload: { clientId: client.id, registeredAt: client.registeredAt, personalIdentityCodeHash: protector.lookupHash(code) },
      });
      // Neither names nor the code travel in the event.
      expect(JSON.stringify(event.envelope)).not.toMatch(/Virtanen|131052/);
      await eventually(async () => expect(await service.events.relay.pendingCount()).toBe(0));
    } finally {
      await observer.stop();
    }
  });

  it('refuses a second registration of the same person with CONFLICT: the client named to a worker on their case, an intake reference to anyone else; no client written', async () => {
    const code = nextCode();
    const first = (await ok(service.url, REGISTER, { input: registration({ personalIdentityCode: code }) }, headers)).registerClient;
    const before = await counts();
    // Without a relationship (registering opens none), the same code in lower case (the same person): a reference, not the id.
    const again = await postGraphQL(service.url, REGISTER, { input: registration({ personalIdentityCode: code.toLowerCase(), firstName: 'Other' }) }, headers);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', details: { reason: 'CLIENT_ALREADY_REGISTERED', intakeReference: expect.stringMatching(/^INT-[A-Z2-9]{10}$/) } });
    expect(JSON.stringify(again)).not.toContain(first.id);
    expect(JSON.stringify(again.errors)).not.toContain(code);
    expect(await counts()).toEqual(before);
    const reference = (again.errors![0].extensions as any).details.intakeReference;
    const [logged] = await service.dataSource.query(`SELECT client_id, outcome, basis FROM access_log WHERE basis LIKE '%' || $1`, [reference]);
    expect(logged).toEqual({ client_id: first.id, outcome: 'REFUSED', basis: `duplicate registration: intake reference ${reference}` });

    // The worker then opens a case (they work on it): a duplicate names the client to them.
    await openCaseFor(service.url, first.id, headers);
    const named = await postGraphQL(service.url, REGISTER, { input: registration({ personalIdentityCode: code }) }, headers);
    expect(named.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', details: { reason: 'CLIENT_ALREADY_REGISTERED', existingClientId: first.id } });
  });

  it.each([
    [{ firstName: '' }, 'firstName'],
    [{ lastName: '  ' }, 'lastName'],
    [{ lastName: 'x'.repeat(101) }, 'lastName'],
    [{ personalIdentityCode: '131052-308U' }, 'personalIdentityCode'], // wrong check character
    [{ personalIdentityCode: '310252-308T' }, 'personalIdentityCode'], // 31 February
    [{ personalIdentityCode: '131052G308T' }, 'personalIdentityCode'], // no such century sign
    [{ personalIdentityCode: '131052' }, 'personalIdentityCode'],
    [{ municipalityCode: 'Lahti' }, 'municipalityCode'],
  ])('refuses bad input %j with BAD_USER_INPUT naming %s and writes nothing', async (override, field) => {
    const before = await counts();
    const response = await postGraphQL(service.url, REGISTER, { input: registration(override) }, headers);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
    expect(JSON.stringify(response.errors)).not.toMatch(/stack|INSERT|SELECT|131052|310252/i);
    expect(await counts()).toEqual(before);
  });

  it('accepts the century signs of 2023 (Y–U for 1900s, B–F for 2000s)', async () => {
    const base = personalIdentityCode('1999-01-01', 402);
    const withY = `${base.slice(0, 6)}Y${base.slice(7)}`;
    const client = (await ok(service.url, REGISTER, { input: registration({ personalIdentityCode: withY }) }, headers)).registerClient;
    expect(client.dateOfBirth).toBe('1999-01-01');
    const child = personalIdentityCode('2010-06-30', 414);
    const withB = `${child.slice(0, 6)}B${child.slice(7)}`;
    expect((await ok(service.url, REGISTER, { input: registration({ personalIdentityCode: withB }) }, headers)).registerClient.dateOfBirth).toBe('2010-06-30');
  });

  it('refuses callers without a client-work role (FORBIDDEN) and partners, writing nothing', async () => {
    for (const identity of [AUDITOR, KELA]) {
      const before = await counts();
      const response = await postGraphQL(service.url, REGISTER, { input: registration() }, await gatewayHeaders(identity));
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await counts()).toEqual(before);
    }
    const read = await postGraphQL(service.url, `{ clients(search: "Virtanen") { edges { node { id } } } }`, {}, await gatewayHeaders(KELA));
    expect(read.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a call without gateway identity and writes nothing', async () => {
    const before = await count('client');
    const response = await postGraphQL(service.url, REGISTER, { input: registration() });
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await count('client')).toBe(before);
  });

  it('reads a client by id; an unknown id is refused like one without a relationship (FORBIDDEN), a malformed one is BAD_USER_INPUT', async () => {
    const created = (await ok(service.url, REGISTER, { input: registration({ firstName: 'Matti', lastName: 'Meikäläinen' }) }, headers)).registerClient;
    await openCaseFor(service.url, created.id, headers);
    const read = await ok(service.url, `query($id: ID!) { client(id: $id) { id lastName dateOfBirth } }`, { id: created.id }, headers);
    expect(read.client).toEqual({ id: created.id, lastName: 'Meikäläinen', dateOfBirth: '1985-04-12' });
    const unknown = await postGraphQL(service.url, `query { client(id: "00000000-0000-4000-8000-000000000000") { id } }`, {}, headers);
    expect(unknown.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const malformed = await postGraphQL(service.url, `query { client(id: "1 OR 1=1") { id } }`, {}, headers);
    expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  describe('clients(search, first, after)', () => {
    const SEARCH = `query($search: String!, $first: Int, $after: String) {
      clients(search: $search, first: $first, after: $after) { edges { cursor node { id firstName lastName } } pageInfo { hasNextPage endCursor } }
    }`;
    const codes: Record<string, string> = {};
    beforeAll(async () => {
      for (const [firstName, lastName] of [['Äijä', 'Öhman'], ['Anna', 'Öhman'], ['Bertta', 'Öhman'], ['Cecilia', 'Öhmann'], ['Eino', 'Öberg'], ['Öhman', 'Laine']]) {
        codes[firstName] = nextCode('1990-02-03');
        const { id } = (await ok(service.url, REGISTER, { input: registration({ personalIdentityCode: codes[firstName], firstName, lastName }) }, headers)).registerClient;
        await openCaseFor(service.url, id, headers);
      }
    });

    it('finds by last or first name prefix, case-insensitively, ordered by last name then first name, in pages', async () => {
      const names: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page: any = (await ok(service.url, SEARCH, { search: 'öhm', first: 2, after }, headers)).clients;
        names.push(...page.edges.map((edge: any) => `${edge.node.lastName} ${edge.node.firstName}`));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        pages++;
      } while (after);
      expect(names).toEqual(['Laine Öhman', 'Öhman Anna', 'Öhman Bertta', 'Öhman Äijä', 'Öhmann Cecilia']);
      expect(pages).toBe(3);
    });

    it('matches every word: "öhman ann" finds one', async () => {
      const page = (await ok(service.url, SEARCH, { search: 'ÖHMAN ann' }, headers)).clients;
      expect(page.edges.map((edge: any) => edge.node.firstName)).toEqual(['Anna']);
    });

    it('finds exactly one person by identity code', async () => {
      const page = (await ok(service.url, SEARCH, { search: codes.Eino }, headers)).clients;
      expect(page.edges.map((edge: any) => edge.node.lastName)).toEqual(['Öberg']);
      expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: page.edges[0].cursor });
    });

    it.each([
      ['a', null, 'search'],
      ['131052-308U', null, 'search'], // an invalid code is neither a code nor a name, and is not echoed
      ['%', null, 'search'],
      ['öhm', 'not-a-cursor!', 'after'],
      ['öhm', Buffer.from('["a","b","1 OR 1=1"]').toString('base64url'), 'after'],
    ])('refuses search %p after %p with BAD_USER_INPUT on %s', async (search, after, field) => {
      const response = await postGraphQL(service.url, SEARCH, { search, after }, headers);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
      expect(JSON.stringify(response.errors)).not.toContain('131052');
    });

    it('refuses a page size out of range', async () => {
      const response = await postGraphQL(service.url, SEARCH, { search: 'öhm', first: 101 }, headers);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'first' } });
    });
  });

  it('resolves many Client references in one SQL query', async () => {
    const ids: string[] = [];
    for (const lastName of ['Aalto', 'Berg', 'Carlsson']) {
      ids.push((await ok(service.url, REGISTER, { input: registration({ firstName: 'Testi', lastName }) }, headers)).registerClient.id);
      await openCaseFor(service.url, ids.at(-1)!, headers);
    }
    let response: any;
    const queries = await countQueriesOn('client', async () => {
      response = await resolveClients(service.url, headers, ids, 'id lastName age');
    });
    expect(response.data._entities.map((client: { lastName: string }) => client.lastName)).toEqual(['Aalto', 'Berg', 'Carlsson']);
    expect(queries).toBe(1);
  });

  describe('workers', () => {
    const REGISTER_WORKER = `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id userId name role team } }`;

    it('a team lead registers workers; workers are listed by team and role', async () => {
      const supervisor = await gatewayHeaders(SUPERVISOR);
      await ok(service.url, REGISTER_WORKER, { input: { userId: 'sw-1', name: 'Sanna Sosiaalityöntekijä', role: 'SOCIAL_WORKER', team: 'Noste' } }, supervisor);
      await ok(service.url, REGISTER_WORKER, { input: { userId: 'si-1', name: 'Olli Ohjaaja', role: 'SOCIAL_INSTRUCTOR', team: 'Noste' } }, supervisor);
      await ok(service.url, REGISTER_WORKER, { input: { userId: 'pn-1', name: 'Liisa Lähihoitaja', role: 'PRACTICAL_NURSE', team: 'Other' } }, supervisor);
      const all = (await ok(service.url, `{ workers(team: "Noste") { userId role team } }`, {}, headers)).workers;
      expect(all).toEqual([
        { userId: 'si-1', role: 'SOCIAL_INSTRUCTOR', team: 'Noste' },
        { userId: 'sw-1', role: 'SOCIAL_WORKER', team: 'Noste' },
      ]);
      const nurses = (await ok(service.url, `{ workers(role: PRACTICAL_NURSE) { userId } }`, {}, headers)).workers;
      expect(nurses).toEqual([{ userId: 'pn-1' }]);
    });

    it('refuses a duplicate user id (CONFLICT), bad input (BAD_USER_INPUT) and non-supervisors (FORBIDDEN), writing nothing', async () => {
      const supervisor = await gatewayHeaders(SUPERVISOR);
      const first = (await ok(service.url, REGISTER_WORKER, { input: { userId: 'dup-1', name: 'A B', role: 'SOCIAL_WORKER', team: 'T' } }, supervisor)).registerWorker;
      const before = await count('worker');
      const dup = await postGraphQL(service.url, REGISTER_WORKER, { input: { userId: 'dup-1', name: 'C D', role: 'SOCIAL_WORKER', team: 'T' } }, supervisor);
      expect(dup.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', details: { existingWorkerId: first.id } });
      const blank = await postGraphQL(service.url, REGISTER_WORKER, { input: { userId: 'x-2', name: ' ', role: 'SOCIAL_WORKER', team: 'T' } }, supervisor);
      expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'name' } });
      const notLead = await postGraphQL(service.url, REGISTER_WORKER, { input: { userId: 'x-3', name: 'E F', role: 'SOCIAL_WORKER', team: 'T' } }, headers);
      expect(notLead.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await count('worker')).toBe(before);
    });
  });

  it('writes every read, change and refusal of client data to the access log (käyttöloki)', async () => {
    const client = (await ok(service.url, REGISTER, { input: registration() }, headers)).registerClient;
    await openCaseFor(service.url, client.id, headers);
    await ok(service.url, `query CaseOverview($id: ID!) { client(id: $id) { id cases { id } } }`, { id: client.id }, headers);
    await postGraphQL(service.url, `query($id: ID!) { client(id: $id) { id } }`, { id: client.id }, await gatewayHeaders(AUDITOR));
    await eventually(async () => {
      const rows = await service.dataSource.query(`SELECT action, categories, basis, outcome FROM access_log WHERE client_id = $1 ORDER BY id`, [client.id]);
      expect(rows).toEqual(
        expect.arrayContaining([
          { action: 'CHANGE', categories: ['case:client'], basis: 'registration', outcome: 'ALLOWED' },
          { action: 'CHANGE', categories: ['case:cases'], basis: 'intake', outcome: 'ALLOWED' },
          { action: 'READ', categories: ['case:client'], basis: 'relationship:CO_WORKER', outcome: 'ALLOWED' },
          { action: 'READ', categories: ['case:cases'], basis: 'relationship:CO_WORKER', outcome: 'ALLOWED' },
          { action: 'READ', categories: ['case'], basis: expect.stringContaining('needs one of the roles'), outcome: 'REFUSED' },
        ]),
      );
    });
  });

  it('reports readiness with its database and Kafka up', async () => {
    const response = await fetch(service.url.replace('/graphql', '/health/ready'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', checks: { database: 'up', kafka: 'up' } });
  });
});
