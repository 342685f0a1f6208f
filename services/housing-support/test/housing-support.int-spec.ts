import { randomUUID } from 'node:crypto';
import { countQueriesOn, gatewayHeaders, resolveClients, RunningSubgraph, startSubgraph, TEST_WORKER } from '@asw/testing';
import { housingSupportSubgraph } from '../src/housing-support.subgraph';

describe('housing-support subgraph (real PostgreSQL and Kafka)', () => {
  let service: RunningSubgraph;
  let headers: Record<string, string>;

  beforeAll(async () => {
    service = await startSubgraph(housingSupportSubgraph);
    headers = await gatewayHeaders(TEST_WORKER);
  });
  afterAll(() => service?.close());

  it('extends Client with housingSupport, every client resolved in one SQL query', async () => {
    const [a, b, none] = [randomUUID(), randomUUID(), randomUUID()];
    await service.dataSource.query(
      `INSERT INTO housing_support_period (id, client_id, status, starts_on, ends_on, opened_at) VALUES
        ($1, $4, 'ENDED', '2025-01-01', '2025-06-30', '2025-01-01T08:00:00Z'),
        ($2, $4, 'ACTIVE', '2026-01-01', '2026-12-31', '2026-01-01T08:00:00Z'),
        ($3, $5, 'PLANNING', NULL, NULL, '2026-02-01T08:00:00Z')`,
      [randomUUID(), randomUUID(), randomUUID(), a, b],
    );
    let response: any;
    const queries = await countQueriesOn('housing_support_period', async () => {
      response = await resolveClients(service.url, headers, [a, b, none], 'id housingSupport { status startsOn endsOn }');
    });
    expect(response.errors).toBeUndefined();
    expect(response.data._entities).toEqual([
      {
        id: a,
        housingSupport: [
          { status: 'ACTIVE', startsOn: '2026-01-01', endsOn: '2026-12-31' },
          { status: 'ENDED', startsOn: '2025-01-01', endsOn: '2025-06-30' },
        ],
      },
      { id: b, housingSupport: [{ status: 'PLANNING', startsOn: null, endsOn: null }] },
      { id: none, housingSupport: [] },
    ]);
    expect(queries).toBe(1);
  });

  it('refuses a period that ends before it starts (database constraint)', async () => {
    await expect(
      service.dataSource.query(
        `INSERT INTO housing_support_period (id, client_id, status, starts_on, ends_on) VALUES ($1, $2, 'ACTIVE', '2026-05-01', '2026-04-01')`,
        [randomUUID(), randomUUID()],
      ),
    ).rejects.toThrow(/check constraint/);
  });

  it('refuses a call without gateway identity', async () => {
    const response = await resolveClients(service.url, {}, [randomUUID()], 'id housingSupport { status }');
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.data).toBeUndefined();
  });

  it('reports readiness with its database and Kafka up', async () => {
    const response = await fetch(service.url.replace('/graphql', '/health/ready'));
    expect(response.status).toBe(200);
  });
});
