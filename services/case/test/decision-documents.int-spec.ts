import { createHash } from 'node:crypto';
import { addDays, LocalDate, todayInFinland } from '@asw/calendar';
import { gatewayHeaders, postGraphQL, RunningSubgraph, startSubgraph, TEST_WORKER } from '@asw/testing';
import { caseSubgraph } from '../src/case.subgraph';
import { CASE_RETENTION } from '../src/retention';
import { nextCode, ok, REGISTER, registration } from './case-test-kit';

const findings = Object.fromEntries(
  ['hasIncome', 'seriousSubstanceAbuse', 'seriousMentalHealth', 'seriousGambling', 'prisonRelease', 'seriousHousingProblem', 'newClientNeedingGuidance', 'rentArrears', 'hadEarlierSocialWorker', 'student', 'elderlyFirstAssessment'].map((key) => [key, false]),
);
const DECIDE = `mutation($id: ID!, $input: MakeServiceDecisionInput!) { makeServiceDecision(caseId: $id, input: $input) { id decidedOn letter { sha256 } } }`;

/** Back-dated entry within the county's window (DECISION_BACKDATE_MAX_DAYS), and the letter stored with the decision. */
describe('case subgraph: signed decisions and their letters', () => {
  let service: RunningSubgraph;
  let headers: Record<string, string>;
  const today: LocalDate = todayInFinland();
  const saved = process.env.DECISION_BACKDATE_MAX_DAYS;

  beforeAll(async () => {
    process.env.DECISION_BACKDATE_MAX_DAYS = '10';
    service = await startSubgraph(caseSubgraph);
    headers = await gatewayHeaders(TEST_WORKER);
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.DECISION_BACKDATE_MAX_DAYS;
    else process.env.DECISION_BACKDATE_MAX_DAYS = saved;
    await service?.close();
  });

  const count = async (table: string) => Number((await service.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const snapshot = async () => ({ decisions: await count('service_decision'), letters: await count('service_decision_letter'), outbox: await count('outbox') });

  it('refuses a decision day beyond the window, writing nothing; accepts the last day in it, with its letter', async () => {
    const clientId = (await ok(service.url, REGISTER, { input: registration({ personalIdentityCode: nextCode() }) }, headers)).registerClient.id;
    const { openCase } = await ok(service.url, `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { clientId, initiationChannel: 'APPLICATION', initiatedOn: addDays(today, -30) } }, headers);
    await ok(service.url, `mutation($id: ID!, $on: LocalDate) { startAssessment(caseId: $id, startedOn: $on) { id } }`, { id: openCase.id, on: addDays(today, -29) }, headers);
    await ok(service.url, `mutation($id: ID!, $input: CompleteAssessmentInput!) { completeAssessment(caseId: $id, input: $input) { id } }`, {
      id: openCase.id,
      input: { summary: 'Tuen tarve.', supportNeeds: ['HOUSING'], specialSupportNeeded: false, findings, completedOn: addDays(today, -25) },
    }, headers);
    const input = { serviceType: 'HOUSING_SUPPORT', outcome: 'DENIED', reasoning: 'Asuminen on turvattu.' };

    const before = await snapshot();
    const refused = await postGraphQL(service.url, DECIDE, { id: openCase.id, input: { ...input, decidedOn: addDays(today, -11) } }, headers);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'BACKDATE_WINDOW_EXCEEDED', field: 'input.decidedOn' } });
    expect(await snapshot()).toEqual(before);

    const made = (await ok(service.url, DECIDE, { id: openCase.id, input: { ...input, decidedOn: addDays(today, -10) } }, headers)).makeServiceDecision;
    expect(made.decidedOn).toBe(addDays(today, -10));
    const [letter] = await service.dataSource.query(`SELECT language, content_type, content, sha256, retention_class FROM service_decision_letter WHERE decision_id = $1`, [made.id]);
    expect(letter).toMatchObject({ language: 'FI', content_type: 'application/pdf', sha256: made.letter.sha256, retention_class: CASE_RETENTION.service_decision });
    expect(createHash('sha256').update(letter.content).digest('hex')).toBe(letter.sha256);
    expect(await snapshot()).toEqual({ decisions: before.decisions + 1, letters: before.letters + 1, outbox: before.outbox + 1 });
  });
});
