import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Identity } from '@asw/auth';
import { personalIdentityCodeCheckCharacter } from '@asw/personal-identity-code';
import { eventually, TEST_WORKER } from '@asw/testing';
import { assignCaseWorkers } from '../support/case-steps';
import { RunningGraph, startGraph } from '../support/graph.harness';
import { contactsFromFigures, NOSTE_2016_SEED } from '../../services/case/src/domain';

// Plain-language description: case-process.feature.md beside this file.
const KELA: Identity = { kind: 'partner', partner: 'KELA', clientId: 'kela-e2e', organisation: 'Kela' };
// Kela's allow-listed documents (the gateway's partner allow-list), sent byte for byte as Kela sends them.
const KELA_OPERATIONS = join(__dirname, '../../gateway/partner-operations');
const SUBMIT_KELA_NOTICE = readFileSync(join(KELA_OPERATIONS, 'KELA', 'submit-kela-notice.graphql'), 'utf8');
const SUPERVISOR: Identity = { kind: 'user', userId: 'e2e-supervisor', roles: ['SUPERVISOR'], team: 'Lahti #Noste', organisation: 'e2e-county' };
/** The intake team's lead: a case a Kela notice opened has no worker yet, only the team. */
const INTAKE_LEAD: Identity = { kind: 'user', userId: 'e2e-intake-lead', roles: ['SUPERVISOR'], team: 'intake', organisation: 'e2e-county' };

/** Temporary-range codes (individual number 900–999): valid, and nobody's real identity code. */
let individual = 900;
const identityCode = (ddmmyy: string) => {
  const number = String(individual++);
  return `${ddmmyy}-${number}${personalIdentityCodeCheckCharacter(ddmmyy, number)}`;
};

describe('the client process through the gateway', () => {
  let graph: RunningGraph;
  let worker: string;

  beforeAll(async () => {
    graph = await startGraph({ PARTNER_OPERATIONS_DIR: KELA_OPERATIONS });
    worker = await graph.token(TEST_WORKER);
  });
  afterAll(() => graph?.close());

  const ok = async (query: string, variables: Record<string, unknown>, token = worker) => {
    const response = await graph.request(query, variables, token);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data;
  };

  it('a Kela notice about a person not yet a client opens a pending KELA_NOTICE case in the intake queue', async () => {
    const code = identityCode('140385');
    const submitted = await graph.request(
      SUBMIT_KELA_NOTICE,
      { input: { reference: `E2E-${individual}`, noticeType: 'NEED_FOR_SOCIAL_WORK', personalIdentityCode: code, urgent: true } },
      await graph.token(KELA),
    );
    expect(submitted.errors).toBeUndefined();

    const intakeLead = await graph.token(INTAKE_LEAD);
    const search = `query($code: String!) { clients(search: $code) { edges { node { id dateOfBirth firstName cases { id status initiationChannel urgent team } } } } }`;
    const client = await eventually(async () => {
      const data = await ok(search, { code }, intakeLead);
      expect(data.clients.edges).toHaveLength(1);
      return data.clients.edges[0].node;
    }, 60_000);
    expect(client).toMatchObject({ dateOfBirth: '1985-03-14', firstName: null, cases: [{ status: 'INITIATED', initiationChannel: 'KELA_NOTICE', urgent: true, team: 'intake' }] });
    const queue = (await ok(`{ caseQueue(team: "intake") { case { client { id } initiationChannel } overdue } }`, {}, intakeLead)).caseQueue;
    expect(queue).toEqual([{ case: { client: { id: client.id }, initiationChannel: 'KELA_NOTICE' }, overdue: false }]);

    // A worker who does not work on the case neither finds the person nor reads them by id.
    expect((await ok(search, { code })).clients.edges).toEqual([]);
    expect((await ok(`{ caseQueue(team: "intake") { case { id } } }`, {})).caseQueue).toEqual([]);
    const refused = await graph.request(`query($id: ID!) { client(id: $id) { id firstName } }`, { id: client.id }, worker);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.data?.client ?? null).toBeNull();

    // The intake lead names a worker (omatyöntekijä), who records who the person is; the case carries on from there.
    const namedWorker = { userId: 'e2e-intake-instructor', name: 'Iida Intake', role: 'SOCIAL_INSTRUCTOR' as const, team: 'intake' };
    await assignCaseWorkers(graph, intakeLead, client.cases[0].id, namedWorker);
    const namedToken = await graph.token({ kind: 'user', userId: namedWorker.userId, roles: ['SOCIAL_INSTRUCTOR'], team: 'intake', organisation: 'e2e-county' });
    const named = (
      await ok(
        `mutation($id: ID!, $input: ClientDetailsInput!) { updateClientDetails(id: $id, input: $input) { firstName lastName } }`,
        { id: client.id, input: { firstName: 'Kaisa', lastName: 'Kelanen', municipalityCode: '398', preferredLanguage: 'FI' } },
        namedToken,
      )
    ).updateClientDetails;
    expect(named).toEqual({ firstName: 'Kaisa', lastName: 'Kelanen' });
    expect((await ok(search, { code }, namedToken)).clients.edges).toEqual([expect.objectContaining({ node: expect.objectContaining({ id: client.id, firstName: 'Kaisa' }) })]);
  });

  it('loading the Lahti #Noste 2016 seed through the graph reproduces DOMAIN.md’s statistics table', async () => {
    const supervisor = await graph.token(SUPERVISOR);
    const register = `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`;
    // The team's instructors and nurses record their own visits, each signed in as themselves.
    const team: Record<string, string[]> = { SOCIAL_INSTRUCTOR: [], PRACTICAL_NURSE: [] };
    const workerIds: string[] = [];
    for (const [userId, role] of [['noste-si-1', 'SOCIAL_INSTRUCTOR'], ['noste-si-2', 'SOCIAL_INSTRUCTOR'], ['noste-pn-1', 'PRACTICAL_NURSE'], ['noste-pn-2', 'PRACTICAL_NURSE']]) {
      workerIds.push((await ok(register, { input: { userId, name: `Noste ${userId}`, role, team: NOSTE_2016_SEED.team } }, supervisor)).registerWorker.id);
      team[role].push(await graph.token({ kind: 'user', userId, roles: [role as 'SOCIAL_INSTRUCTOR'], team: NOSTE_2016_SEED.team, organisation: 'e2e-county' }));
    }
    // The team lead registers the clients and opens their cases; the whole team works on each (a client relationship).
    const clients: string[] = [];
    for (let i = 0; i < 6; i++) {
      const input = { personalIdentityCode: identityCode('010180'), firstName: 'Noste', lastName: 'Asiakas', municipalityCode: '398', preferredLanguage: 'FI' };
      const clientId = (await ok(`mutation($input: RegisterClientInput!) { registerClient(input: $input) { id } }`, { input }, supervisor)).registerClient.id;
      const caseId = (await ok(`mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { clientId, initiationChannel: 'VISIT' } }, supervisor)).openCase.id;
      await ok(
        `mutation($caseId: ID!, $workerId: ID!, $coWorkerIds: [ID!]) { assignResponsibleWorker(caseId: $caseId, workerId: $workerId, coWorkerIds: $coWorkerIds) { id } }`,
        { caseId, workerId: workerIds[0], coWorkerIds: workerIds.slice(1) },
        supervisor,
      );
      clients.push(clientId);
    }
    const contacts = contactsFromFigures(NOSTE_2016_SEED.figures);
    let next = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (next < contacts.length) {
          const index = next++;
          const contact = contacts[index];
          const tokens = team[contact.workerRole];
          await ok(
            `mutation($input: RecordContactInput!) { recordContact(input: $input) { id } }`,
            { input: { clientId: clients[index % clients.length], type: contact.type, occurredOn: contact.occurredOn } },
            tokens[index % tokens.length],
          );
        }
      }),
    );
    const rows = (
      await ok(`query($from: LocalDate!, $to: LocalDate!, $team: String) { contactStatistics(from: $from, to: $to, team: $team) { month workerRole officeVisits homeVisits total } }`, {
        from: NOSTE_2016_SEED.from,
        to: NOSTE_2016_SEED.to,
        team: NOSTE_2016_SEED.team,
      })
    ).contactStatistics;
    const table = (role: string) => rows.filter((row: { workerRole: string }) => row.workerRole === role).map((row: any) => [row.month, row.officeVisits, row.homeVisits, row.total]);
    expect(table('SOCIAL_INSTRUCTOR')).toEqual([
      ['2016-06', 31, 25, 56],
      ['2016-07', 56, 36, 92],
      ['2016-08', 64, 56, 120],
      ['2016-09', 61, 67, 128],
      ['2016-10', 49, 53, 102],
      ['2016-11', 97, 14, 111],
    ]);
    expect(table('PRACTICAL_NURSE')).toEqual([
      ['2016-07', 15, 23, 38],
      ['2016-08', 10, 29, 39],
      ['2016-09', 6, 40, 46],
      ['2016-10', 13, 39, 52],
      ['2016-11', 20, 30, 50],
    ]);
  });
});
