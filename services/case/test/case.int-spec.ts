import { topicOf } from '@asw/events';
import { countQueriesOn, eventually, gatewayHeaders, observeTopic, postGraphQL, resolveClients, RunningSubgraph, startSubgraph, TEST_WORKER } from '@asw/testing';
import { caseSubgraph } from '../src/case.subgraph';

const REGISTER = `mutation($input: RegisterClientInput!) { registerClient(input: $input) { id firstName lastName registeredAt } }`;

describe('case subgraph (real PostgreSQL and Kafka)', () => {
  let service: RunningSubgraph;
  let headers: Record<string, string>;

  beforeAll(async () => {
    service = await startSubgraph(caseSubgraph);
    headers = await gatewayHeaders(TEST_WORKER);
  });
  afterAll(() => service?.close());

  const count = async (table: string) => Number((await service.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('registers a client and publishes ClientRegistered through the outbox, keyed by client id', async () => {
    const observer = await observeTopic(topicOf('case', service.config.KAFKA_TOPIC_PREFIX));
    try {
      const response = await postGraphQL(service.url, REGISTER, { input: { firstName: ' Aino ', lastName: 'Virtanen' } }, headers);
      expect(response.errors).toBeUndefined();
      const client = response.data.registerClient;
      expect(client).toMatchObject({ firstName: 'Aino', lastName: 'Virtanen' });

      const [row] = await service.dataSource.query(`SELECT first_name, last_name FROM client WHERE id = $1`, [client.id]);
      expect(row).toEqual({ first_name: 'Aino', last_name: 'Virtanen' });

      const event = await eventually(() => {
        const found = observer.received.find((message) => message.envelope.subject === client.id);
        if (!found) throw new Error('ClientRegistered not yet on Kafka');
        return found;
      });
      expect(event.key).toBe(client.id);
      expect(event.envelope).toMatchObject({
        type: 'ClientRegistered',
        version: 1,
        producer: 'case',
        subject: client.id,
        payload: { clientId: client.id, registeredAt: client.registeredAt },
      });
      // Names never travel in the event.
      expect(JSON.stringify(event.envelope)).not.toContain('Virtanen');
      await eventually(async () => expect(await service.events.relay.pendingCount()).toBe(0));
    } finally {
      await observer.stop();
    }
  });

  it.each([
    [{ firstName: '', lastName: 'Virtanen' }, 'firstName'],
    [{ firstName: 'Aino', lastName: '  ' }, 'lastName'],
    [{ firstName: 'Aino', lastName: 'x'.repeat(101) }, 'lastName'],
  ])('refuses bad input %j with BAD_USER_INPUT and writes nothing', async (input, field) => {
    const before = { clients: await count('client'), outbox: await count('outbox') };
    const response = await postGraphQL(service.url, REGISTER, { input }, headers);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
    expect(JSON.stringify(response.errors)).not.toMatch(/stack|INSERT|SELECT/i);
    expect({ clients: await count('client'), outbox: await count('outbox') }).toEqual(before);
  });

  it('refuses a call without gateway identity and writes nothing', async () => {
    const before = await count('client');
    const response = await postGraphQL(service.url, REGISTER, { input: { firstName: 'Aino', lastName: 'Virtanen' } });
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.data?.registerClient).toBeUndefined();
    expect(await count('client')).toBe(before);
  });

  it('reads a client by id; unknown id is NOT_FOUND and a malformed one BAD_USER_INPUT', async () => {
    const created = (await postGraphQL(service.url, REGISTER, { input: { firstName: 'Matti', lastName: 'Meikäläinen' } }, headers)).data.registerClient;
    const read = await postGraphQL(service.url, `query($id: ID!) { client(id: $id) { id lastName } }`, { id: created.id }, headers);
    expect(read.data.client).toEqual({ id: created.id, lastName: 'Meikäläinen' });

    const unknown = await postGraphQL(service.url, `query { client(id: "00000000-0000-4000-8000-000000000000") { id } }`, {}, headers);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const malformed = await postGraphQL(service.url, `query { client(id: "1 OR 1=1") { id } }`, {}, headers);
    expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('resolves many Client references in one SQL query', async () => {
    const ids: string[] = [];
    for (const lastName of ['Aalto', 'Berg', 'Carlsson']) {
      ids.push((await postGraphQL(service.url, REGISTER, { input: { firstName: 'Testi', lastName } }, headers)).data.registerClient.id);
    }
    let response: any;
    const queries = await countQueriesOn('client', async () => {
      response = await resolveClients(service.url, headers, ids, 'id lastName');
    });
    expect(response.data._entities.map((client: { lastName: string }) => client.lastName)).toEqual(['Aalto', 'Berg', 'Carlsson']);
    expect(queries).toBe(1);
  });

  it('reports readiness with its database and Kafka up', async () => {
    const response = await fetch(service.url.replace('/graphql', '/health/ready'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', checks: { database: 'up', kafka: 'up' } });
  });
});
