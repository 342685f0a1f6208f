import { Browser, chromium, Page } from 'playwright-core';
import { eventually } from '@asw/testing';
import { RunningGraph, startGraph } from '../support/graph.harness';

// Plain-language description: frontend-tools.feature.md beside this file.
// A real browser (Debian's chromium, installed by .ci/run) opens the IDE as a newcomer would.
const ACTIVE_TAB_HEADERS = '(({ tabs, activeTabIndex }) => tabs[activeTabIndex].headers)(JSON.parse(localStorage.getItem("graphiql:tabState")))';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('the GraphQL IDE in a browser', () => {
  let graph: RunningGraph;
  let browser: Browser;
  let page: Page;
  const graphqlRequests: { authorization?: string; body: string }[] = [];

  beforeAll(async () => {
    graph = await startGraph();
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
    page = await browser.newPage();
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql') graphqlRequests.push({ authorization: request.headers().authorization, body: request.postData() ?? '' });
    });
    await page.goto(graph.url.replace(/\/graphql$/, '/'));
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await graph?.close();
  });

  it('loads the schema with a development token, never sending a request without one', async () => {
    await eventually(() => expect(graphqlRequests.some((request) => request.body.includes('__schema'))).toBe(true));
    expect(graphqlRequests.length).toBeGreaterThan(0);
    for (const request of graphqlRequests) expect(request.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('shows the docs: the Query type and its fields', async () => {
    await page.click('[aria-label="Show Documentation Explorer"]');
    await page.getByText('Query', { exact: true }).first().click();
    await eventually(async () => expect(await page.locator('.graphiql-doc-explorer').innerText()).toContain('clients'), 10_000);
  });

  it('autocompletes a field of the schema', async () => {
    await page.click('.graphiql-query-editor .CodeMirror');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('{ clien');
    await eventually(async () => expect(await page.locator('.CodeMirror-hints').innerText({ timeout: 1000 })).toContain('clientAccessReport'), 10_000);
  });

  it('keeps the headers across a reload', async () => {
    const headers = () => page.evaluate<string>(ACTIVE_TAB_HEADERS);
    const before = await headers();
    expect(before).toMatch(/"authorization": "Bearer [\w-]+\.[\w-]+\.[\w-]+"/);
    const requestsBefore = graphqlRequests.length;
    await page.reload();
    await page.waitForSelector('.graphiql-container');
    expect(await headers()).toBe(before);
    await eventually(() => expect(graphqlRequests.length).toBeGreaterThan(requestsBefore));
    expect(new Set(graphqlRequests.slice(requestsBefore).map((request) => request.authorization))).toEqual(new Set([JSON.parse(before).authorization]));
  });

  it('a picked role gets a new token into the headers', async () => {
    await page.selectOption('#as', 'role=BENEFITS_HANDLER');
    await Promise.all([page.waitForEvent('load'), page.click('#get')]);
    await page.waitForSelector('.graphiql-container');
    const headers = await page.evaluate<string>(ACTIVE_TAB_HEADERS);
    const payload = JSON.parse(Buffer.from(JSON.parse(headers).authorization.split('.')[1], 'base64url').toString());
    expect(payload.roles).toEqual(['BENEFITS_HANDLER']);
  });
});
