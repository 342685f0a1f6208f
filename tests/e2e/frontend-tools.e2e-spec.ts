import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { RunningGateway, RunningGraph, startGraph } from '../support/graph.harness';

// Plain-language description: frontend-tools.feature.md beside this file.
const root = join(__dirname, '..', '..');

describe('the graph with a frontend developer’s standard tools', () => {
  let graph: RunningGraph;
  let production: RunningGateway;
  let base: string;

  beforeAll(async () => {
    graph = await startGraph();
    // Production's own secrets (it refuses the repository's development ones).
    production = await graph.startGateway({
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
      AUTH_ALLOW_HS256_IN_PRODUCTION: 'true',
      GATEWAY_IDENTITY_SECRET: randomBytes(32).toString('hex'),
    });
    base = graph.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await production?.close();
    await graph?.close();
  });

  const devToken = async (query: string) => {
    const response = await fetch(`${base}/dev/token?${query}`);
    return { status: response.status, body: (await response.json()) as { token?: string; message?: string } };
  };

  it('the IDE page is served with its assets, a development-token picker and persisted headers', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<select id="as">');
    expect(html).toContain('shouldPersistHeaders: true');
    for (const asset of ['graphiql.js', 'graphiql.css', 'react.js', 'react-dom.js']) expect((await fetch(`${base}/ide/${asset}`)).status).toBe(200);
  });

  it('a development token for a role works on the graph', async () => {
    const { status, body } = await devToken('role=SOCIAL_WORKER&team=ide-team');
    expect(status).toBe(200);
    const answer = await graph.request('{ clients(search: "virtanen", first: 5) { edges { node { id } } } }', {}, body.token);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.clients.edges).toEqual([]);
  });

  it('a development token for a partner runs only the partner’s operations', async () => {
    const { status, body } = await devToken('partner=KELA');
    expect(status).toBe(200);
    const answer = await graph.request('{ clients(search: "virtanen", first: 5) { edges { node { id } } } }', {}, body.token);
    expect(answer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it.each([
    ['an unknown role', 'role=ROOT'],
    ['an unknown partner', 'partner=ACME'],
  ])('refuses a development token for %s', async (_label, query) => {
    const { status, body } = await devToken(query);
    expect(status).toBe(400);
    expect(body.token).toBeUndefined();
    expect(body.message).toMatch(/Not a valid identity/);
  });

  it('in production there is no IDE and no development token', async () => {
    const productionBase = production.url.replace(/\/graphql$/, '');
    expect((await fetch(`${productionBase}/`)).status).toBe(404);
    expect((await fetch(`${productionBase}/dev/token?role=SOCIAL_WORKER`)).status).toBe(404);
  });

  it('codegen loads the schema from the gateway’s URL (the standard introspection query) and generates the screen’s types', async () => {
    const { body } = await devToken('role=SOCIAL_WORKER');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['-r', join(root, 'tools', 'ts-register.js'), join(root, 'tools', 'codegen', 'generate-client-types.ts'), graph.url],
      { cwd: root, env: { ...process.env, CODEGEN_HEADERS: JSON.stringify({ authorization: `Bearer ${body.token}` }) }, maxBuffer: 16 * 1024 * 1024 },
    );
    expect(stdout).toContain('export type ClientOverviewQuery =');
    expect(stdout).toContain('export const ClientOverviewDocument =');
  });
});
