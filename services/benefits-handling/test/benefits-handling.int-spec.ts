import { randomUUID } from 'node:crypto';
import { countQueriesOn, gatewayHeaders, resolveClients, RunningSubgraph, startSubgraph, TEST_WORKER } from '@asw/testing';
import { benefitsHandlingSubgraph } from '../src/benefits-handling.subgraph';
import { caseOf } from './benefits-test-support';

describe('benefits-handling subgraph (real PostgreSQL and Kafka)', () => {
  let service: RunningSubgraph;
  let headers: Record<string, string>;

  beforeAll(async () => {
    service = await startSubgraph(benefitsHandlingSubgraph);
    headers = await gatewayHeaders(TEST_WORKER);
  });
  afterAll(() => service?.close());

  it('extends Client with incomeSupportApplications, every client resolved in one SQL query', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await service.dataSource.query(
      `INSERT INTO income_support_application (id, client_id, kind, status, channel, queue, handling_team, received_on, clock_starts_on) VALUES
        ($1, $3, 'SUPPLEMENTARY', 'DECIDED', 'PAPER', 'GENERAL', 'etuuskasittely', '2026-03-02', '2026-03-02'),
        ($2, $3, 'PREVENTIVE', 'RECEIVED', 'PAPER', 'GENERAL', 'etuuskasittely', '2026-04-09', '2026-04-09')`,
      [randomUUID(), randomUUID(), a],
    );
    // The test worker is the named worker on both clients' cases (a client relationship).
    for (const clientId of [a, b]) await caseOf(service, clientId, { namedWorker: 'worker-test-1' });
    let response: any;
    const queries = await countQueriesOn('income_support_application', async () => {
      response = await resolveClients(service.url, headers, [a, b], 'id incomeSupportApplications { kind status receivedOn }');
    });
    expect(response.errors).toBeUndefined();
    expect(response.data._entities).toEqual([
      {
        id: a,
        incomeSupportApplications: [
          { kind: 'PREVENTIVE', status: 'RECEIVED', receivedOn: '2026-04-09' },
          { kind: 'SUPPLEMENTARY', status: 'DECIDED', receivedOn: '2026-03-02' },
        ],
      },
      { id: b, incomeSupportApplications: [] },
    ]);
    expect(queries).toBe(1);
  });

  it('refuses a kind the county does not decide (database constraint)', async () => {
    await expect(
      service.dataSource.query(
        `INSERT INTO income_support_application (id, client_id, kind, status, channel, queue, handling_team, received_on, clock_starts_on) VALUES ($1, $2, 'BASIC', 'RECEIVED', 'PAPER', 'GENERAL', 'etuuskasittely', '2026-04-09', '2026-04-09')`,
        [randomUUID(), randomUUID()],
      ),
    ).rejects.toThrow(/check constraint/);
  });

  it('refuses a call without gateway identity', async () => {
    const response = await resolveClients(service.url, {}, [randomUUID()], 'id incomeSupportApplications { kind }');
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
