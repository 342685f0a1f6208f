import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Identity } from '@asw/auth';
import { addDays, addMonths, todayInFinland } from '@asw/calendar';
import { personalIdentityCodeCheckCharacter } from '@asw/personal-identity-code';
import { operationHash } from '../../gateway/src/hardening/partner-operations';
import { ok as request, registerClient, testIdentityCode } from '../support/case-steps';
import { RunningGraph, startGraph } from '../support/graph.harness';

// Plain-language description: employment-services.feature.md beside this file.
const SOCIAL_WORKER: Identity = { kind: 'user', userId: 'sw-e2e-activation', roles: ['SOCIAL_WORKER'], team: 'team-e2e-activation', organisation: 'test-county' };
const AUDITOR: Identity = { kind: 'user', userId: 'auditor-e2e-activation', roles: ['AUDITOR'], team: 'data-protection', organisation: 'test-county' };
const EMPLOYMENT_SERVICES: Identity = { kind: 'partner', partner: 'EMPLOYMENT_SERVICES', clientId: 'tyollisyyspalvelut-e2e', organisation: 'Jyväskylän työllisyyspalvelut' };
/** Another municipality's employment services: a plan shared with Jyväskylä is not theirs. */
const OTHER_OFFICE: Identity = { kind: 'partner', partner: 'EMPLOYMENT_SERVICES', clientId: 'tyollisyyspalvelut-e2e-tampere', organisation: 'Tampereen työllisyyspalvelut' };
const JYVASKYLA = EMPLOYMENT_SERVICES.organisation;

/** Employment services' allow-listed documents, byte for byte as registered with the gateway. */
const operation = (file: string) => readFileSync(join(__dirname, '../../gateway/partner-operations/EMPLOYMENT_SERVICES', file), 'utf8');
const SHARED_LIST = operation('shared-activation-plans.graphql');
const SHARED_ONE = operation('shared-activation-plan.graphql');
const CO_SIGN = operation('co-sign-activation-plan.graphql');

const DRAFT = `mutation($clientId: ID!, $input: ActivationPlanInput!) { draftActivationPlan(clientId: $clientId, input: $input) { id status } }`;
const SHARE = `mutation($planId: ID!, $sharedWith: String!) { shareActivationPlan(planId: $planId, sharedWith: $sharedWith) { id sharedWithEmploymentServicesAt sharedWith } }`;
const SIGN = `mutation($planId: ID!) { signActivationPlan(planId: $planId) { id status } }`;
const CLIENT_PLANS = `query($id: ID!) { client(id: $id) { activationPlans { id status } } }`;
const REPORT = `query($clientId: ID!, $from: DateTime!, $to: DateTime!) {
  clientAccessReport(clientId: $clientId, from: $from, to: $to) { case { log actorKind actorId actorRoles organisation operation action categories basis outcome } }
}`;

describe('employment services through the gateway: read and co-sign activation plans the county shared', () => {
  let graph: RunningGraph;
  let socialWorker: string;
  let employment: string;
  let auditor: string;
  let otherOffice: string;
  const today = todayInFinland();
  const from = new Date(Date.now() - 60_000).toISOString();
  let individual = 610;

  beforeAll(async () => {
    graph = await startGraph();
    socialWorker = await graph.token(SOCIAL_WORKER);
    employment = await graph.token(EMPLOYMENT_SERVICES);
    auditor = await graph.token(AUDITOR);
    otherOffice = await graph.token(OTHER_OFFICE);
  });
  afterAll(() => graph?.close());

  const ok = (query: string, variables: Record<string, unknown>, token: string) => request(graph, query, variables, token);

  /** A client the social worker works with: they registered the client and opened the case. */
  async function clientOfSocialWorker(): Promise<string> {
    const clientId = await registerClient(graph, socialWorker, testIdentityCode('120598', individual++));
    await ok(`mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { clientId, initiationChannel: 'APPLICATION', initiatedOn: addDays(today, -3) } }, socialWorker);
    return clientId;
  }

  const draft = async (clientId: string): Promise<string> =>
    (
      await ok(
        DRAFT,
        {
          clientId,
          input: {
            goals: ['Säännöllinen päivärytmi'],
            measures: [{ kind: 'REHABILITATIVE_WORK_ACTIVITY', description: 'Kuntouttava työtoiminta, kierrätyskeskus', daysPerWeek: 3 }],
            validFrom: today,
            validUntil: addDays(today, 180),
            reviewDate: addDays(today, 90),
          },
        },
        socialWorker,
      )
    ).draftActivationPlan.id;

  // Laki kuntouttavasta työtoiminnasta 189/2001 3 § 1 mom 3 k (as amended by 1384/2021): an under-25 after a
  // job-search discussion, whose main income over the last 4 months has been income support paid because of
  // unemployment, needs an activation plan; no employment plan is required.
  it('an under-25 after a job-search discussion and 4 months of income support because of unemployment triggers the plan, without an employment plan', async () => {
    const number = String(individual++).padStart(3, '0');
    const clientId = await registerClient(graph, socialWorker, `150103A${number}${personalIdentityCodeCheckCharacter('150103', number)}`); // born 15.1.2003: under 25
    await ok(`mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { clientId, initiationChannel: 'APPLICATION', initiatedOn: addDays(today, -3) } }, socialWorker);
    const RECORD = `mutation($clientId: ID!, $input: ActivationFactsInput!) { recordActivationFacts(clientId: $clientId, input: $input) { triggered basis ruleSetVersion monthsIncomeSupportAsMainIncome } }`;
    const facts = { hasEmploymentPlan: false, hadEarlierEmploymentPlan: false, jobSearchDiscussionHeld: true, labourMarketSubsidyDaysLast12Months: 0, reachedEarningsRelated500DayLimit: false, labourMarketSubsidyDaysAfter500DayLimit: 0 };
    // A day short of 4 months: not yet.
    const short = (await ok(RECORD, { clientId, input: { ...facts, unemploymentIncomeSupportAsMainIncomeSince: addDays(addMonths(today, -4), 1) } }, socialWorker)).recordActivationFacts;
    expect(short).toEqual({ triggered: false, basis: [], ruleSetVersion: '189/2001@2025-01-01', monthsIncomeSupportAsMainIncome: 3 });
    // Exactly 4 months up to today.
    const exactly = (await ok(RECORD, { clientId, input: { ...facts, unemploymentIncomeSupportAsMainIncomeSince: addMonths(today, -4) } }, socialWorker)).recordActivationFacts;
    expect(exactly).toEqual({ triggered: true, basis: ['UNDER_25_INCOME_SUPPORT_4_MONTHS'], ruleSetVersion: '189/2001@2025-01-01', monthsIncomeSupportAsMainIncome: 4 });
    const planId = await draft(clientId);
    const plans = (await ok(`query($id: ID!) { client(id: $id) { activationPlans { id triggerBasis } } }`, { id: clientId }, socialWorker)).client.activationPlans;
    expect(plans).toEqual([{ id: planId, triggerBasis: ['UNDER_25_INCOME_SUPPORT_4_MONTHS'] }]);
  });

  it('the county drafts, shares and signs; employment services list, read and co-sign; the plan is in force and every answer is in the disclosure log', async () => {
    const clientId = await clientOfSocialWorker();
    const planId = await draft(clientId);
    await ok(SHARE, { planId, sharedWith: JYVASKYLA }, socialWorker);
    expect((await ok(SIGN, { planId }, socialWorker)).signActivationPlan.status).toBe('SIGNED_BY_COUNTY');

    const listed = (await ok(SHARED_LIST, { first: 50 }, employment)).sharedActivationPlans;
    expect(listed.find((plan: { id: string }) => plan.id === planId)).toMatchObject({ clientId, status: 'SIGNED_BY_COUNTY', goals: ['Säännöllinen päivärytmi'] });
    // The same document sent as its hash only (a persisted operation).
    const byHash = await graph.post(JSON.stringify({ variables: { id: planId }, extensions: { persistedQuery: { version: 1, sha256Hash: operationHash(SHARED_ONE) } } }), employment);
    const read = ((await byHash.json()) as { data: { sharedActivationPlan: Record<string, unknown> } }).data.sharedActivationPlan;
    expect(read).toMatchObject({ id: planId, clientId, measures: [{ kind: 'REHABILITATIVE_WORK_ACTIVITY', description: 'Kuntouttava työtoiminta, kierrätyskeskus', daysPerWeek: 3 }] });
    expect(JSON.stringify(read)).not.toMatch(/Aino|Virtanen|120598/);

    expect((await ok(CO_SIGN, { planId }, employment)).coSignActivationPlan).toMatchObject({ id: planId, status: 'IN_FORCE' });
    expect((await ok(CLIENT_PLANS, { id: clientId }, socialWorker)).client.activationPlans).toEqual([{ id: planId, status: 'IN_FORCE' }]);

    const report = (await ok(REPORT, { clientId, from, to: new Date(Date.now() + 60_000).toISOString() }, auditor)).clientAccessReport.case;
    const disclosures = report.filter((entry: { log: string }) => entry.log === 'DISCLOSURE');
    const partner = { log: 'DISCLOSURE', actorKind: 'partner', actorId: 'tyollisyyspalvelut-e2e', actorRoles: ['EMPLOYMENT_SERVICES'], organisation: 'Jyväskylän työllisyyspalvelut', categories: ['case:activation-plan'], basis: 'activation-plan-shared-with:EMPLOYMENT_SERVICES', outcome: 'ALLOWED' };
    expect(disclosures).toEqual([
      { ...partner, operation: 'SharedActivationPlans', action: 'READ' },
      { ...partner, operation: 'SharedActivationPlan', action: 'READ' },
      { ...partner, operation: 'CoSignActivationPlan', action: 'CHANGE' },
      { ...partner, operation: 'CoSignActivationPlan', action: 'READ' },
    ]);
    expect(report).toContainEqual(expect.objectContaining({ log: 'ACCESS', actorId: 'sw-e2e-activation', action: 'CHANGE', categories: ['case:activation-plan'], basis: 'relationship:CO_WORKER', outcome: 'ALLOWED' }));
  });

  it('employment services cannot read or co-sign a plan the county has not shared: NOT_FOUND, as for a plan that does not exist', async () => {
    const clientId = await clientOfSocialWorker();
    const planId = await draft(clientId);
    await ok(SIGN, { planId }, socialWorker);
    const unshared = await graph.request(SHARED_ONE, { id: planId }, employment);
    const missing = await graph.request(SHARED_ONE, { id: '00000000-0000-4000-8000-000000000000' }, employment);
    expect(unshared.errors).toEqual(missing.errors);
    expect(unshared.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(unshared.data ?? null).toBeNull();
    expect((await graph.request(CO_SIGN, { planId }, employment)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await ok(SHARED_LIST, { first: 50 }, employment)).sharedActivationPlans.map((plan: { id: string }) => plan.id)).not.toContain(planId);
    expect((await ok(CLIENT_PLANS, { id: clientId }, socialWorker)).client.activationPlans).toEqual([{ id: planId, status: 'SIGNED_BY_COUNTY' }]);
  });

  it('scopes employment services to the office the county shared the plan with: another municipality neither lists, reads nor co-signs it', async () => {
    const clientId = await clientOfSocialWorker();
    const planId = await draft(clientId);
    expect((await ok(SHARE, { planId, sharedWith: JYVASKYLA }, socialWorker)).shareActivationPlan.sharedWith).toBe(JYVASKYLA);
    expect((await ok(SHARED_LIST, { first: 50 }, otherOffice)).sharedActivationPlans.map((plan: { id: string }) => plan.id)).not.toContain(planId);
    const notTheirs = await graph.request(SHARED_ONE, { id: planId }, otherOffice);
    const missing = await graph.request(SHARED_ONE, { id: '00000000-0000-4000-8000-000000000000' }, otherOffice);
    expect(notTheirs.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(notTheirs.errors).toEqual(missing.errors);
    expect((await graph.request(CO_SIGN, { planId }, otherOffice)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const [row] = await graph.subgraphs.case.dataSource.query(`SELECT employment_services_signed_at FROM activation_plan WHERE id = $1`, [planId]);
    expect(row.employment_services_signed_at).toBeNull();
    // The office it was shared with sees it.
    expect((await ok(SHARED_LIST, { first: 50 }, employment)).sharedActivationPlans.map((plan: { id: string }) => plan.id)).toContain(planId);
  });

  it('refuses employment services any document not on their allow-list before planning: no subgraph sees it', async () => {
    const clientId = await clientOfSocialWorker();
    const planId = await draft(clientId);
    const logged = async () => Number((await graph.subgraphs.case.dataSource.query(`SELECT count(*) AS n FROM access_log WHERE actor_id = 'tyollisyyspalvelut-e2e'`))[0].n);
    const before = await logged();
    for (const query of [
      `query { sharedActivationPlan(id: "${planId}") { id clientId } }`, // a valid query, but not the registered text
      `query { client(id: "${clientId}") { firstName lastName } }`,
      `mutation { shareActivationPlan(planId: "${planId}", sharedWith: "Jyväskylän työllisyyspalvelut") { id } }`,
    ]) {
      const response = await graph.request(query, {}, employment);
      expect(response.status).toBe(403);
      expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(response.errors?.[0].message).toBe('This operation is not allowed for EMPLOYMENT_SERVICES');
      expect(response.data ?? null).toBeNull();
    }
    expect(await logged()).toBe(before);
    const [row] = await graph.subgraphs.case.dataSource.query(`SELECT shared_at FROM activation_plan WHERE id = $1`, [planId]);
    expect(row.shared_at).toBeNull();
  });
});
