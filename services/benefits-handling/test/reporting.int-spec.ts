import { gatewayHeaders, postGraphQL, RunningSubgraph, startSubgraph, TEST_WORKER } from '@asw/testing';
import { benefitsHandlingSubgraph } from '../src/benefits-handling.subgraph';
import { HANDLER, KELA, knownClient, SUPERVISOR } from './benefits-test-support';

const REPORT = `query ($from: LocalDate!, $to: LocalDate!) { incomeSupportMonthlyReport(from: $from, to: $to) { month kind queue received decided decidedWithinDeadline share } }`;

describe('monthly report (real PostgreSQL; its own database, so the numbers are exactly the test data)', () => {
  let service: RunningSubgraph;
  let handler: Record<string, string>;

  beforeAll(async () => {
    service = await startSubgraph(benefitsHandlingSubgraph);
    handler = await gatewayHeaders(HANDLER);
    const register = async (kind: string, receivedOn: string, student = false) => {
      const input = { clientId: await knownClient(service), kind, channel: 'PAPER', receivedOn, student, expenses: [{ expenseType: 'MEDICINE', claimedCents: 1_000 }] };
      const response = await postGraphQL(service.url, `mutation ($input: RegisterIncomeSupportApplicationInput!) { registerIncomeSupportApplication(input: $input) { id decisionDueOn } }`, { input }, handler);
      expect(response.errors).toBeUndefined();
      return response.data.registerIncomeSupportApplication;
    };
    const decide = async (applicationId: string, decidedOn: string) => {
      const lines = [{ expenseType: 'MEDICINE', claimedCents: 1_000, grantedCents: 1_000, legalBasis: 'SUPPLEMENTARY_7C', payee: 'CLIENT' }];
      const response = await postGraphQL(service.url, `mutation ($input: DecideIncomeSupportApplicationInput!) { decideIncomeSupportApplication(input: $input) { id } }`, { input: { applicationId, lines, decidedOn } }, handler);
      expect(response.errors).toBeUndefined();
    };
    const a = await register('SUPPLEMENTARY', '2026-01-05'); // due 15.1. (Epiphany 6.1. is not a working day)
    const b = await register('SUPPLEMENTARY', '2026-01-12'); // due 21.1.
    const c = await register('SUPPLEMENTARY', '2026-01-28'); // due 6.2.
    expect([a.decisionDueOn, b.decisionDueOn, c.decisionDueOn]).toEqual(['2026-01-15', '2026-01-21', '2026-02-06']);
    await decide(a.id, '2026-01-09'); // in time
    await decide(b.id, '2026-01-23'); // late
    await decide(c.id, '2026-02-03'); // in time, decided in February
    await register('PREVENTIVE', '2026-02-02', true);
    await register('PREVENTIVE', '2026-03-02'); // outside the period
  });
  afterAll(() => service?.close());

  it('counts received, decided and decided within the deadline per month, kind and queue', async () => {
    const response = await postGraphQL(service.url, REPORT, { from: '2026-01-01', to: '2026-02-28' }, await gatewayHeaders(SUPERVISOR));
    expect(response.errors).toBeUndefined();
    const rows = response.data.incomeSupportMonthlyReport;
    expect(rows).toHaveLength(12); // 2 months × 2 kinds × 3 queues, zeros included
    const nonZero = rows.filter((r: any) => r.received + r.decided > 0);
    expect(nonZero).toEqual([
      { month: '2026-01', kind: 'SUPPLEMENTARY', queue: 'GENERAL', received: 3, decided: 2, decidedWithinDeadline: 1, share: 0.5 },
      { month: '2026-02', kind: 'SUPPLEMENTARY', queue: 'GENERAL', received: 0, decided: 1, decidedWithinDeadline: 1, share: 1 },
      { month: '2026-02', kind: 'PREVENTIVE', queue: 'STUDENTS', received: 1, decided: 0, decidedWithinDeadline: 0, share: null },
    ]);
  });

  it.each([
    ['an inverted period', { from: '2026-02-01', to: '2026-01-01' }, HANDLER, 'BAD_USER_INPUT'],
    ['more than 60 months', { from: '2020-01-01', to: '2026-01-01' }, HANDLER, 'BAD_USER_INPUT'],
    ['a caller who is not a handler or supervisor', { from: '2026-01-01', to: '2026-01-31' }, TEST_WORKER, 'FORBIDDEN'],
    ['Kela', { from: '2026-01-01', to: '2026-01-31' }, KELA, 'FORBIDDEN'],
  ])('refuses %s', async (_name, variables, identity, code) => {
    const response = await postGraphQL(service.url, REPORT, variables, await gatewayHeaders(identity));
    expect(response.errors?.[0].extensions?.code).toBe(code);
  });
});
