import { randomUUID } from 'node:crypto';
import { createEnvelope, topicOf } from '@asw/events';
import { countQueriesOn, eventually, gatewayHeaders, produceRaw, resolveClients, RunningSubgraph, startSubgraph, TEST_WORKER } from '@asw/testing';
import { groupActivitySubgraph } from '../src/group-activity.subgraph';

describe('group-activity subgraph (real PostgreSQL and Kafka)', () => {
  let service: RunningSubgraph;
  let headers: Record<string, string>;

  beforeAll(async () => {
    service = await startSubgraph(groupActivitySubgraph);
    headers = await gatewayHeaders(TEST_WORKER);
  });
  afterAll(() => service?.close());

  const clientRegistered = (clientId: string) =>
    createEnvelope('ClientRegistered', 1, 'case', { clientId, registeredAt: '2026-11-02T09:30:00.000Z', personalIdentityCodeHash: null }, { subject: clientId, correlationId: randomUUID() });

  it('learns clients from ClientRegistered and applies a redelivered event once', async () => {
    const known = randomUUID();
    const unknown = randomUUID();
    const event = clientRegistered(known);
    const message = { key: known, value: JSON.stringify(event) };
    await produceRaw(topicOf('case', service.config.KAFKA_TOPIC_PREFIX), [message, message]);

    await eventually(async () => {
      const [{ n }] = await service.dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = $1`, [event.id]);
      expect(n).toBe(1);
    });
    let response: any;
    const queries = await countQueriesOn('known_client', async () => {
      response = await resolveClients(service.url, headers, [known, unknown], 'id rehabilitationEligibility { eligible reason clientKnownSince }');
    });
    expect(response.data._entities).toEqual([
      { id: known, rehabilitationEligibility: { eligible: false, reason: 'NO_ACTIVE_DECISION', clientKnownSince: '2026-11-02T09:30:00.000Z' } },
      { id: unknown, rehabilitationEligibility: { eligible: false, reason: 'CLIENT_NOT_KNOWN', clientKnownSince: null } },
    ]);
    expect(queries).toBe(1);
    const [{ n }] = await service.dataSource.query(`SELECT count(*)::int AS n FROM known_client WHERE client_id = $1`, [known]);
    expect(n).toBe(1);
  });
});
