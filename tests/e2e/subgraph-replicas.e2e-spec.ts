import type { Identity } from '@asw/auth';
import { registerClient, testIdentityCode } from '../support/case-steps';
import { RunningGraph, startGraph } from '../support/graph.harness';

const SOCIAL_WORKER: Identity = { kind: 'user', userId: 'sw-e2e-replicas', roles: ['SOCIAL_WORKER'], team: 'team-e2e', organisation: 'test-county' };

/**
 * Two replicas of the case subgraph (two processes, one database, one consumer group) behind a
 * round-robin balancer, as a Kubernetes Service puts them: the gateway's requests reach both, and
 * when one is killed (SIGKILL) the graph goes on answering from the other.
 */
describe('the gateway over two replicas of one subgraph', () => {
  let graph: RunningGraph;
  let token: string;

  beforeAll(async () => {
    graph = await startGraph({}, { replicas: ['case'] });
    token = await graph.token(SOCIAL_WORKER);
  });
  afterAll(() => graph?.close());

  it('spreads requests over both replicas, and keeps answering when one is killed', async () => {
    const { replicas, served } = graph.replicated.case!;
    const ids: string[] = [];
    for (let individual = 300; individual < 306; individual++) ids.push(await registerClient(graph, token, testIdentityCode('010190', individual)));
    expect(served[0]).toBeGreaterThan(0);
    expect(served[1]).toBeGreaterThan(0);

    await replicas[0].process.stop(); // SIGKILL
    const before = served[1];
    for (let individual = 306; individual < 309; individual++) ids.push(await registerClient(graph, token, testIdentityCode('010190', individual)));
    expect(served[1]).toBeGreaterThan(before);

    // One service, one database: every client either replica registered is there once.
    expect(new Set(ids).size).toBe(9);
    const [{ count }] = await replicas[1].dataSource.query(`SELECT count(*)::int AS count FROM client WHERE id = ANY($1::uuid[])`, [ids]);
    expect(count).toBe(9);
  });
});
