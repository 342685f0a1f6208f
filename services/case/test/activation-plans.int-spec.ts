import { randomUUID } from 'node:crypto';
import type { Identity } from '@asw/auth';
import { topicOf } from '@asw/events';
import { eventually, gatewayHeaders, observeTopic, postGraphQL, RunningSubgraph, startSubgraph, TEST_WORKER } from '@asw/testing';
import { caseSubgraph } from '../src/case.subgraph';
import { KELA, ok, REGISTER, registration } from './case-test-kit';

const PLANNER: Identity = { kind: 'user', userId: 'worker-plan-1', roles: ['SOCIAL_WORKER'], team: 'team-plan', organisation: 'test-county' };
const STRANGER: Identity = { kind: 'user', userId: 'worker-stranger-1', roles: ['SOCIAL_WORKER'], team: 'team-other', organisation: 'test-county' };
const NURSE: Identity = { kind: 'user', userId: 'nurse-plan-1', roles: ['PRACTICAL_NURSE'], team: 'team-plan', organisation: 'test-county' };
const EMPLOYMENT: Identity = { kind: 'partner', partner: 'EMPLOYMENT_SERVICES', clientId: 'tyollisyyspalvelut-test', organisation: 'Jyväskylän työllisyyspalvelut' };

const PLAN_FIELDS = 'id clientId status goals measures { kind description daysPerWeek } validFrom validUntil reviewDate triggerBasis triggerRuleSetVersion sharedWithEmploymentServicesAt countySignedAt employmentServicesSignedAt';
const DRAFT = `mutation($clientId: ID!, $input: ActivationPlanInput!) { draftActivationPlan(clientId: $clientId, input: $input) { ${PLAN_FIELDS} } }`;
const SHARE = `mutation($planId: ID!, $sharedWith: String!) { shareActivationPlan(planId: $planId, sharedWith: $sharedWith) { id status sharedWithEmploymentServicesAt sharedWith } }`;
/** Another office of employment services: a plan shared with Jyväskylä is not theirs. */
const OTHER_OFFICE: Identity = { kind: 'partner', partner: 'EMPLOYMENT_SERVICES', clientId: 'tyollisyyspalvelut-other', organisation: 'Tampereen työllisyyspalvelut' };
const SIGN = `mutation($planId: ID!) { signActivationPlan(planId: $planId) { id status countySignedAt } }`;
const CO_SIGN = `mutation CoSignActivationPlan($planId: ID!) { coSignActivationPlan(planId: $planId) { id clientId status countySignedAt employmentServicesSignedAt } }`;
const SHARED_LIST = `query SharedActivationPlans($first: Int!) { sharedActivationPlans(first: $first) { ${PLAN_FIELDS} } }`;
const SHARED_ONE = `query SharedActivationPlan($id: ID!) { sharedActivationPlan(id: $id) { ${PLAN_FIELDS} } }`;
const CLIENT_PLANS = `query($id: ID!) { client(id: $id) { id activationPlans { id status } } }`;

const INPUT = {
  goals: ['Säännöllinen päivärytmi', 'Työkyvyn arviointi'],
  measures: [
    { kind: 'REHABILITATIVE_WORK_ACTIVITY', description: 'Kuntouttava työtoiminta, puutyöpaja', daysPerWeek: 3 },
    { kind: 'EMPLOYMENT_SERVICE', description: 'Työvalmentajan tapaamiset' },
  ],
  validFrom: '2026-03-02',
  validUntil: '2026-08-31',
  reviewDate: '2026-05-29',
};

describe('case subgraph: activation plans (aktivointisuunnitelma, 189/2001) with employment services', () => {
  let service: RunningSubgraph;
  let observer: Awaited<ReturnType<typeof observeTopic>>;
  const headers = (identity: Identity) => gatewayHeaders(identity);
  const as = async (identity: Identity, query: string, variables: Record<string, unknown>) => postGraphQL(service.url, query, variables, await headers(identity));
  const okAs = async (identity: Identity, query: string, variables: Record<string, unknown>) => ok(service.url, query, variables, await headers(identity));
  const planCount = async (clientId: string) => Number((await service.dataSource.query(`SELECT count(*) AS n FROM activation_plan WHERE client_id = $1`, [clientId]))[0].n);
  const logOf = (actorId: string, clientId: string | null = null) =>
    service.dataSource.query(
      `SELECT log, client_id, action, categories, basis, outcome FROM access_log WHERE actor_id = $1 AND ($2::uuid IS NULL OR client_id = $2) ORDER BY id`,
      [actorId, clientId],
    );

  beforeAll(async () => {
    service = await startSubgraph(caseSubgraph);
    observer = await observeTopic(topicOf('case', service.config.KAFKA_TOPIC_PREFIX));
  });
  afterAll(async () => {
    await observer?.stop();
    await service?.close();
  });

  /** A registered client whose open case has PLANNER as the named worker (as case writes it). */
  async function clientOfPlanner(): Promise<string> {
    const { registerClient } = await okAs(TEST_WORKER, REGISTER, { input: registration() });
    await service.dataSource.query(
      `INSERT INTO case_relationships (case_id, client_id, team, open, named_worker, co_workers, changed_at) VALUES ($1, $2, 'team-plan', true, 'worker-plan-1', '{}', now())`,
      [randomUUID(), registerClient.id],
    );
    return registerClient.id;
  }
  const drafted = async (clientId: string) => (await okAs(PLANNER, DRAFT, { clientId, input: INPUT })).draftActivationPlan;

  it('the county drafts, shares and signs; employment services list, read and co-sign; the plan is then in force', async () => {
    const clientId = await clientOfPlanner();
    const plan = await drafted(clientId);
    expect(plan).toMatchObject({ clientId, status: 'DRAFT', goals: INPUT.goals, validFrom: '2026-03-02', validUntil: '2026-08-31', reviewDate: '2026-05-29', sharedWithEmploymentServicesAt: null });
    expect(plan.measures).toEqual([
      { kind: 'REHABILITATIVE_WORK_ACTIVITY', description: 'Kuntouttava työtoiminta, puutyöpaja', daysPerWeek: 3 },
      { kind: 'EMPLOYMENT_SERVICE', description: 'Työvalmentajan tapaamiset', daysPerWeek: null },
    ]);
    expect(plan.triggerBasis).toEqual([]); // no employment facts recorded: no trigger holds
    expect(plan.triggerRuleSetVersion).toEqual(expect.any(String));

    // Not shared yet: employment services neither see it in the list nor by id.
    expect((await okAs(EMPLOYMENT, SHARED_LIST, { first: 100 })).sharedActivationPlans.map((p: { id: string }) => p.id)).not.toContain(plan.id);
    expect((await as(EMPLOYMENT, SHARED_ONE, { id: plan.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    expect((await okAs(PLANNER, SHARE, { planId: plan.id, sharedWith: EMPLOYMENT.organisation })).shareActivationPlan.sharedWithEmploymentServicesAt).toEqual(expect.any(String));
    expect((await okAs(PLANNER, SIGN, { planId: plan.id })).signActivationPlan.status).toBe('SIGNED_BY_COUNTY');

    const listed = (await okAs(EMPLOYMENT, SHARED_LIST, { first: 100 })).sharedActivationPlans;
    expect(listed.find((p: { id: string }) => p.id === plan.id)).toMatchObject({ clientId, status: 'SIGNED_BY_COUNTY', goals: INPUT.goals });
    const read = (await okAs(EMPLOYMENT, SHARED_ONE, { id: plan.id })).sharedActivationPlan;
    expect(read).toMatchObject({ id: plan.id, clientId, measures: plan.measures, employmentServicesSignedAt: null });
    const coSigned = (await okAs(EMPLOYMENT, CO_SIGN, { planId: plan.id })).coSignActivationPlan;
    expect(coSigned).toMatchObject({ id: plan.id, status: 'IN_FORCE', countySignedAt: expect.any(String), employmentServicesSignedAt: expect.any(String) });
    expect((await okAs(PLANNER, CLIENT_PLANS, { id: clientId })).client.activationPlans).toEqual([{ id: plan.id, status: 'IN_FORCE' }]);

    // Each side signs once.
    expect((await as(EMPLOYMENT, CO_SIGN, { planId: plan.id })).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await as(PLANNER, SIGN, { planId: plan.id })).errors?.[0].extensions?.code).toBe('CONFLICT');

    const [row] = await service.dataSource.query(`SELECT county_signed_by, employment_services_signed_by, shared_by FROM activation_plan WHERE id = $1`, [plan.id]);
    expect(row).toEqual({ county_signed_by: 'worker-plan-1', employment_services_signed_by: 'Jyväskylän työllisyyspalvelut', shared_by: 'worker-plan-1' });

    // ActivationPlanSigned, once per signature, without names or identity codes.
    const signed = await eventually(async () => {
      const events = observer.received.filter((m) => m.envelope.type === 'ActivationPlanSigned' && m.envelope.subject === clientId).map((m) => m.envelope.payload);
      expect(events).toHaveLength(2);
      return events;
    });
    expect(signed).toEqual([
      expect.objectContaining({ planId: plan.id, clientId, signedBy: 'COUNTY', status: 'SIGNED_BY_COUNTY', validFrom: '2026-03-02', validUntil: '2026-08-31' }),
      expect.objectContaining({ planId: plan.id, clientId, signedBy: 'EMPLOYMENT_SERVICES', status: 'IN_FORCE' }),
    ]);

    // The county's side is in the käyttöloki on the relationship; every answer to the partner in the luovutusloki.
    const county = await logOf('worker-plan-1', clientId);
    expect(county).toEqual(
      expect.arrayContaining([
        { log: 'ACCESS', client_id: clientId, action: 'CHANGE', categories: ['case:activation-plan'], basis: 'relationship:NAMED_WORKER', outcome: 'ALLOWED' },
        { log: 'ACCESS', client_id: clientId, action: 'READ', categories: ['case:activation-plan'], basis: 'relationship:NAMED_WORKER', outcome: 'ALLOWED' },
      ]),
    );
    const disclosed = (await logOf('tyollisyyspalvelut-test', clientId)).filter((entry: { outcome: string }) => entry.outcome === 'ALLOWED');
    const shared = { log: 'DISCLOSURE', client_id: clientId, categories: ['case:activation-plan'], basis: 'activation-plan-shared-with:EMPLOYMENT_SERVICES', outcome: 'ALLOWED' };
    // list, read, co-sign (read and change): four disclosures of this client's plan.
    expect(disclosed).toEqual([{ ...shared, action: 'READ' }, { ...shared, action: 'READ' }, { ...shared, action: 'CHANGE' }, { ...shared, action: 'READ' }]);
  });

  it('records the activation triggers that hold when the plan is drafted (the same rules as Client.activationPlanTrigger)', async () => {
    const clientId = await clientOfPlanner(); // born 1985: 25 or over
    const facts = { hasEmploymentPlan: false, hadEarlierEmploymentPlan: true, labourMarketSubsidyDaysLast12Months: 0, reachedEarningsRelated500DayLimit: false, labourMarketSubsidyDaysAfter500DayLimit: 0, unemploymentIncomeSupportAsMainIncomeSince: '2024-01-01' };
    await okAs(PLANNER, `mutation($clientId: ID!, $input: ActivationFactsInput!) { recordActivationFacts(clientId: $clientId, input: $input) { triggered } }`, { clientId, input: facts });
    expect((await drafted(clientId)).triggerBasis).toEqual(['AGE_25_PLUS_INCOME_SUPPORT_12_MONTHS']);
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const clientId = await clientOfPlanner();
    for (const [change, field] of [
      [{ validUntil: '2026-03-01' }, 'validUntil'],
      [{ reviewDate: '2026-09-15' }, 'reviewDate'],
      [{ goals: [] }, 'goals'],
      [{ measures: [{ kind: 'REHABILITATIVE_WORK_ACTIVITY', description: 'Työpaja', daysPerWeek: 6 }] }, 'measures[0].daysPerWeek'],
      [{ measures: [{ kind: 'REHABILITATIVE_WORK_ACTIVITY', description: 'Työpaja' }] }, 'measures[0].daysPerWeek'],
    ] as const) {
      const response = await as(PLANNER, DRAFT, { clientId, input: { ...INPUT, ...change } });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
      expect(response.errors?.[0].message).not.toMatch(/at \w+ \(/);
    }
    expect(await planCount(clientId)).toBe(0);
  });

  it('refuses a worker without a client relationship, by client id and by plan id, and writes nothing', async () => {
    const clientId = await clientOfPlanner();
    const plan = await drafted(clientId);
    const drafting = await as(STRANGER, DRAFT, { clientId, input: INPUT });
    expect(drafting.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(drafting.data ?? null).toBeNull();
    for (const mutation of [SHARE, SIGN]) {
      const response = await as(STRANGER, mutation, { planId: plan.id, sharedWith: EMPLOYMENT.organisation });
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(response.data ?? null).toBeNull();
    }
    const reading = await as(STRANGER, CLIENT_PLANS, { id: clientId });
    expect(reading.errors?.map((error) => error.extensions?.code)).toContain('FORBIDDEN');
    expect(reading.data?.client?.activationPlans ?? null).toBeNull();
    // A role that does not carry the client process may not draft, relationship or not.
    await service.dataSource.query(`UPDATE case_relationships SET co_workers = '{nurse-plan-1}' WHERE client_id = $1`, [clientId]);
    expect((await as(NURSE, DRAFT, { clientId, input: INPUT })).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    expect(await planCount(clientId)).toBe(1);
    const [row] = await service.dataSource.query(`SELECT shared_at, county_signed_at FROM activation_plan WHERE id = $1`, [plan.id]);
    expect(row).toEqual({ shared_at: null, county_signed_at: null });
    // Drafting, sharing and signing: three refusals on record (reading is refused with the client itself).
    const refusals = (await logOf('worker-stranger-1', clientId)).filter((entry: { categories: string[] }) => entry.categories.includes('case:activation-plan'));
    const refusal = { log: 'ACCESS', client_id: clientId, action: 'CHANGE', categories: ['case:activation-plan'], basis: 'no client relationship', outcome: 'REFUSED' };
    expect(refusals).toEqual([refusal, refusal, refusal]);
  });

  it('answers employment services the same NOT_FOUND for a plan not shared with them and one that does not exist, and logs both refusals', async () => {
    const clientId = await clientOfPlanner();
    const unshared = await drafted(clientId);
    await okAs(PLANNER, SIGN, { planId: unshared.id });
    const missing = randomUUID();
    const answers = [];
    for (const [query, variables] of [
      [SHARED_ONE, { id: unshared.id }],
      [SHARED_ONE, { id: missing }],
      [CO_SIGN, { planId: unshared.id }],
      [CO_SIGN, { planId: missing }],
    ] as const) {
      const response = await as(EMPLOYMENT, query, variables);
      expect(response.data ?? null).toBeNull();
      answers.push(response.errors);
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[2]).toEqual(answers[3]);
    expect(answers[0]![0]).toMatchObject({ message: 'No activation plan shared with employment services has that id', extensions: { code: 'NOT_FOUND' } });
    expect(JSON.stringify(answers)).not.toContain(clientId);
    const [row] = await service.dataSource.query(`SELECT employment_services_signed_at FROM activation_plan WHERE id = $1`, [unshared.id]);
    expect(row.employment_services_signed_at).toBeNull();
    expect(await logOf('tyollisyyspalvelut-test', clientId)).toEqual([
      { log: 'DISCLOSURE', client_id: clientId, action: 'READ', categories: ['case:activation-plan'], basis: 'activation plan not shared with employment services', outcome: 'REFUSED' },
      { log: 'DISCLOSURE', client_id: clientId, action: 'CHANGE', categories: ['case:activation-plan'], basis: 'activation plan not shared with employment services', outcome: 'REFUSED' },
    ]);
  });

  it('refuses partner operations to Kela and to workers, and county operations to employment services', async () => {
    const clientId = await clientOfPlanner();
    const plan = await drafted(clientId);
    await okAs(PLANNER, SHARE, { planId: plan.id, sharedWith: EMPLOYMENT.organisation });
    for (const caller of [KELA, PLANNER]) {
      for (const [query, variables] of [
        [SHARED_LIST, { first: 10 }],
        [SHARED_ONE, { id: plan.id }],
        [CO_SIGN, { planId: plan.id }],
      ] as const) {
        const response = await as(caller, query, variables);
        expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect(response.data ?? null).toBeNull();
      }
    }
    for (const [query, variables] of [
      [DRAFT, { clientId, input: INPUT }],
      [SIGN, { planId: plan.id }],
      [CLIENT_PLANS, { id: clientId }],
    ] as const) {
      const response = await as(EMPLOYMENT, query, variables);
      expect(response.errors?.map((error) => error.extensions?.code)).toContain('FORBIDDEN');
    }
    const [row] = await service.dataSource.query(`SELECT county_signed_at, employment_services_signed_at FROM activation_plan WHERE id = $1`, [plan.id]);
    expect(row).toEqual({ county_signed_at: null, employment_services_signed_at: null });
    const kelaRefusals = await service.dataSource.query(`SELECT log, action, categories, outcome FROM access_log WHERE actor_id = $1 AND categories = '{case:activation-plan}'`, ['kela-test']);
    expect(kelaRefusals).toEqual(expect.arrayContaining([{ log: 'DISCLOSURE', action: 'READ', categories: ['case:activation-plan'], outcome: 'REFUSED' }, { log: 'DISCLOSURE', action: 'CHANGE', categories: ['case:activation-plan'], outcome: 'REFUSED' }]));
  });

  it('lists for employment services only plans shared with them', async () => {
    const clientId = await clientOfPlanner();
    const kept = await drafted(clientId);
    const shared = await drafted(clientId);
    await okAs(PLANNER, SHARE, { planId: shared.id, sharedWith: EMPLOYMENT.organisation });
    const ids = (await okAs(EMPLOYMENT, SHARED_LIST, { first: 100 })).sharedActivationPlans.map((p: { id: string }) => p.id);
    expect(ids).toContain(shared.id);
    expect(ids).not.toContain(kept.id);
    expect((await as(EMPLOYMENT, SHARED_LIST, { first: 101 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'first' } });
  });

  it('scopes employment services to the office the plan was shared with: another office neither lists, reads nor co-signs it', async () => {
    const clientId = await clientOfPlanner();
    const plan = await drafted(clientId);
    const shared = (await okAs(PLANNER, SHARE, { planId: plan.id, sharedWith: '  Jyväskylän työllisyyspalvelut ' })).shareActivationPlan;
    expect(shared.sharedWith).toBe(EMPLOYMENT.organisation);
    expect((await okAs(OTHER_OFFICE, SHARED_LIST, { first: 100 })).sharedActivationPlans.map((p: { id: string }) => p.id)).not.toContain(plan.id);
    expect((await as(OTHER_OFFICE, SHARED_ONE, { id: plan.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await as(OTHER_OFFICE, CO_SIGN, { planId: plan.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const [row] = await service.dataSource.query(`SELECT employment_services_signed_at FROM activation_plan WHERE id = $1`, [plan.id]);
    expect(row.employment_services_signed_at).toBeNull();
    expect((await okAs(EMPLOYMENT, SHARED_LIST, { first: 100 })).sharedActivationPlans.map((p: { id: string }) => p.id)).toContain(plan.id);
  });

  it('refuses sharing without naming the office (BAD_USER_INPUT), writing nothing', async () => {
    const plan = await drafted(await clientOfPlanner());
    const response = await as(PLANNER, SHARE, { planId: plan.id, sharedWith: '   ' });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'SHARED_WITH_REQUIRED', field: 'sharedWith' } });
    const [row] = await service.dataSource.query(`SELECT shared_at, shared_with FROM activation_plan WHERE id = $1`, [plan.id]);
    expect(row).toEqual({ shared_at: null, shared_with: null });
  });
});
