import { randomUUID } from 'node:crypto';
import type { UserIdentity } from '@asw/auth';
import { accessLogRequestDates, addDays, todayInFinland } from '@asw/calendar';
import { eventually, TEST_WORKER } from '@asw/testing';
import { pdfText } from '../../libs/testing/src/pdf-text';
import { ok, testIdentityCode } from '../support/case-steps';
import { RunningGraph, startGraph } from '../support/graph.harness';

// Plain-language description: access-log-request.feature.md beside this file.
const AUDITOR: UserIdentity = { kind: 'user', userId: 'auditor-req-1', roles: ['AUDITOR'], team: 'data-protection', organisation: 'test-county' };
const LEAD: UserIdentity = { kind: 'user', userId: 'lead-req-1', roles: ['SUPERVISOR'], team: 'team-test', organisation: 'test-county' };
const WORKER_ID = TEST_WORKER.kind === 'user' ? TEST_WORKER.userId : '';

const REGISTER = `mutation($input: RegisterClientInput!) { registerClient(input: $input) { id } }`;
const CLIENT_EVERYWHERE = `query ClientOverview($id: ID!) {
  client(id: $id) { id firstName housingSupport { id } incomeSupportApplications { id } rehabilitationEligibility { eligible } }
}`;
const PERSON = 'actorId name title organisation';
const REQUEST_FIELDS = `id clientId receivedOn receivedBy { ${PERSON} } answerDueOn overdue periodFrom olderEntries specialReason status answeredAt answeredBy { ${PERSON} }`;
const RECORD = `mutation RecordAccessLogRequest($input: RecordClientAccessLogRequestInput!) { recordClientAccessLogRequest(input: $input) { ${REQUEST_FIELDS} } }`;
const ANSWER = `mutation AnswerAccessLogRequest($requestId: ID!) {
  answerClientAccessLogRequest(requestId: $requestId) {
    requestId clientId from to
    letter { requestId language contentType base64 sha256 retentionClass entryCount people { ${PERSON} } }
  }
}`;
const OPEN = `query OpenAccessLogRequests { clientAccessLogRequests { ${REQUEST_FIELDS} } }`;
const ONE = `query AccessLogRequest($id: ID!) { clientAccessLogRequest(id: $id) { ${REQUEST_FIELDS} letter { sha256 base64 entryCount } } }`;

describe('a client asks who has processed their data (lokitietopyyntö, 703/2023 11 §)', () => {
  let graph: RunningGraph;
  let worker: string;
  let auditor: string;
  let individual = 400;
  const today = todayInFinland();

  beforeAll(async () => {
    graph = await startGraph();
    worker = await graph.token(TEST_WORKER);
    auditor = await graph.token(AUDITOR);
    const lead = await graph.token(LEAD);
    const workerInput = { userId: WORKER_ID, name: 'Sanna Sosiaalityöntekijä', role: 'SOCIAL_WORKER', team: 'team-test' };
    await ok(graph, `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`, { input: workerInput }, lead);
    await ok(graph, `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`, { input: { userId: AUDITOR.userId, name: 'Tiina Tietosuoja', role: 'AUDITOR', team: 'data-protection' } }, lead);
  });
  afterAll(() => graph?.close());

  async function clientReadByWorker(preferredLanguage: 'FI' | 'SV'): Promise<string> {
    const input = { personalIdentityCode: testIdentityCode('140682', individual++), firstName: 'Aino', lastName: 'Virtanen', municipalityCode: '398', preferredLanguage };
    const clientId = (await ok(graph, REGISTER, { input }, worker)).registerClient.id;
    await ok(graph, `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { clientId, initiationChannel: 'VISIT' } }, worker);
    await eventually(async () => {
      const read = await graph.request(CLIENT_EVERYWHERE, { id: clientId }, worker);
      expect(read.errors).toBeUndefined();
      expect(read.data.client.housingSupport).toEqual([]);
    });
    return clientId;
  }

  const requestCount = async () => Number((await graph.subgraphs.case.dataSource.query(`SELECT count(*)::int AS n FROM client_access_log_request`))[0].n);
  const letterCount = async () => Number((await graph.subgraphs.case.dataSource.query(`SELECT count(*)::int AS n FROM client_access_log_letter`))[0].n);

  it('the auditor records the request, answers with a letter naming the worker from every service, and the request is answered', async () => {
    const clientId = await clientReadByWorker('FI');
    const recorded = (await ok(graph, RECORD, { input: { clientId, receivedOn: today } }, auditor)).recordClientAccessLogRequest;
    const dates = accessLogRequestDates({ receivedOn: today });
    expect(recorded).toMatchObject({
      clientId,
      receivedOn: today,
      receivedBy: { actorId: AUDITOR.userId, name: 'Tiina Tietosuoja' },
      answerDueOn: dates.answerDueOn,
      overdue: false,
      periodFrom: dates.periodFrom,
      olderEntries: false,
      status: 'OPEN',
      answeredAt: null,
    });

    const open = (await ok(graph, OPEN, {}, auditor)).clientAccessLogRequests;
    expect(open).toContainEqual(expect.objectContaining({ id: recorded.id, answerDueOn: dates.answerDueOn, overdue: false }));

    const answered = (await ok(graph, ANSWER, { requestId: recorded.id }, auditor)).answerClientAccessLogRequest;
    expect(answered.letter).toMatchObject({ requestId: recorded.id, language: 'FI', contentType: 'application/pdf', retentionClass: 'ACCESS_LOG' });
    expect(answered.letter.people).toContainEqual({ actorId: WORKER_ID, name: 'Sanna Sosiaalityöntekijä', title: 'sosiaalityöntekijä', organisation: 'test-county' });
    const { text } = await pdfText(Buffer.from(answered.letter.base64, 'base64'));
    expect(text).toContain('VASTAUS LOKITIETOPYYNTÖÖN');
    expect(text).toContain('Sanna Sosiaalityöntekijä, sosiaalityöntekijä, test-county');
    // The worker's read reached every service; each service's entry is in the letter.
    for (const service of ['asiakkuus ja asiakasprosessi', 'asumisen tuki', 'toimeentulotuki', 'ryhmätoiminta ja sosiaalinen kuntoutus']) {
      expect(text).toContain(`Sanna Sosiaalityöntekijä, sosiaalityöntekijä, test-county — luki tietoja: ${service}`);
    }
    expect(text).toContain('Tiina Tietosuoja');
    expect(text).toContain('703/2023 11 §');

    // Stored with the request and retrievable; the request is answered and no longer open.
    const stored = (await ok(graph, ONE, { id: recorded.id }, auditor)).clientAccessLogRequest;
    expect(stored).toMatchObject({ status: 'ANSWERED', answeredBy: { actorId: AUDITOR.userId, name: 'Tiina Tietosuoja' }, overdue: false });
    expect(stored.letter).toEqual({ sha256: answered.letter.sha256, base64: answered.letter.base64, entryCount: answered.letter.entryCount });
    expect((await ok(graph, OPEN, {}, auditor)).clientAccessLogRequests.map((request: { id: string }) => request.id)).not.toContain(recorded.id);

    // Producing the answer is on record in the case service and in the services that gave their log.
    const auditorEntries = async (service: 'case' | 'housing-support') =>
      graph.subgraphs[service].dataSource.query(`SELECT operation, action, categories, outcome FROM access_log WHERE actor_id = $1 AND client_id = $2`, [AUDITOR.userId, clientId]);
    expect(await auditorEntries('case')).toEqual(
      expect.arrayContaining([
        { operation: 'RecordAccessLogRequest', action: 'CHANGE', categories: ['case:accessLogRequests'], outcome: 'ALLOWED' },
        { operation: 'AnswerAccessLogRequest', action: 'CHANGE', categories: ['case:accessLogRequests'], outcome: 'ALLOWED' },
        { operation: 'AnswerAccessLogRequest', action: 'READ', categories: ['case:accessLog'], outcome: 'ALLOWED' },
      ]),
    );
    expect(await auditorEntries('housing-support')).toContainEqual({ operation: 'AnswerAccessLogRequest', action: 'READ', categories: ['housing-support:accessLog'], outcome: 'ALLOWED' });

    // Answered once: a second answer is a conflict, and writes nothing.
    const letters = await letterCount();
    const again = await graph.request(ANSWER, { requestId: recorded.id }, auditor);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await letterCount()).toBe(letters);
  });

  it('writes the letter in Swedish for a Swedish-speaking client', async () => {
    const clientId = await clientReadByWorker('SV');
    const recorded = (await ok(graph, RECORD, { input: { clientId, receivedOn: today } }, auditor)).recordClientAccessLogRequest;
    const answered = (await ok(graph, ANSWER, { requestId: recorded.id }, auditor)).answerClientAccessLogRequest;
    expect(answered.letter.language).toBe('SV');
    const { text } = await pdfText(Buffer.from(answered.letter.base64, 'base64'));
    expect(text).toContain('SVAR PÅ BEGÄRAN OM LOGGUPPGIFTER');
    expect(text).toContain('Sanna Sosiaalityöntekijä, socialarbetare, test-county');
  });

  it('refuses an ordinary worker: FORBIDDEN, nothing written, the refusal logged', async () => {
    const clientId = await clientReadByWorker('FI');
    const before = await requestCount();
    const refused = await graph.request(RECORD, { input: { clientId, receivedOn: today } }, worker);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.data ?? null).toBeNull();
    const recorded = (await ok(graph, RECORD, { input: { clientId, receivedOn: today } }, auditor)).recordClientAccessLogRequest;
    for (const [query, variables] of [
      [ANSWER, { requestId: recorded.id }],
      [ONE, { id: recorded.id }],
      [OPEN, {}],
    ] as const) {
      const response = await graph.request(query, variables, worker);
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(response.data ?? null).toBeNull();
    }
    expect(await requestCount()).toBe(before + 1);
    expect((await ok(graph, ONE, { id: recorded.id }, auditor)).clientAccessLogRequest).toMatchObject({ status: 'OPEN', letter: null });
    const refusals = await graph.subgraphs.case.dataSource.query(
      `SELECT operation, outcome, basis FROM access_log WHERE actor_id = $1 AND outcome = 'REFUSED' AND operation IN ('RecordAccessLogRequest', 'AnswerAccessLogRequest')`,
      [WORKER_ID],
    );
    expect(refusals).toEqual(
      expect.arrayContaining([
        { operation: 'RecordAccessLogRequest', outcome: 'REFUSED', basis: 'This operation needs one of the roles AUDITOR' },
        { operation: 'AnswerAccessLogRequest', outcome: 'REFUSED', basis: 'This operation needs one of the roles AUDITOR' },
      ]),
    );
  });

  it.each([
    ['an unknown client', () => ({ clientId: randomUUID(), receivedOn: todayInFinland() }), 'NOT_FOUND', 'CLIENT_NOT_FOUND'],
    ['a receipt date in the future', (clientId: string) => ({ clientId, receivedOn: addDays(todayInFinland(), 1) }), 'BAD_USER_INPUT', 'RECEIVED_IN_FUTURE'],
    ['entries older than 2 years without a special reason', (clientId: string) => ({ clientId, receivedOn: todayInFinland(), requestedFrom: '2020-01-01' }), 'BAD_USER_INPUT', 'OLDER_ENTRIES_NEED_SPECIAL_REASON'],
  ] as const)('refuses %s with a clear error, writing nothing', async (_name, input, code, reason) => {
    const clientId = (await ok(graph, REGISTER, { input: { personalIdentityCode: testIdentityCode('140682', individual++), firstName: 'Aino', lastName: 'Virtanen', municipalityCode: '398', preferredLanguage: 'FI' } }, worker)).registerClient.id;
    const before = await requestCount();
    const response = await graph.request(RECORD, { input: input(clientId) }, auditor);
    expect(response.errors?.[0].extensions).toMatchObject({ code, details: expect.objectContaining({ reason }) });
    expect(response.data ?? null).toBeNull();
    expect(await requestCount()).toBe(before);
  });

  it('older entries are covered on a special reason, and the letter says so', async () => {
    const clientId = await clientReadByWorker('FI');
    const recorded = (await ok(graph, RECORD, { input: { clientId, receivedOn: today, requestedFrom: '2020-01-01', specialReason: 'Epäilen luvatonta käyttöä' } }, auditor)).recordClientAccessLogRequest;
    expect(recorded).toMatchObject({ periodFrom: '2020-01-01', olderEntries: true, specialReason: 'Epäilen luvatonta käyttöä' });
    const answered = (await ok(graph, ANSWER, { requestId: recorded.id }, auditor)).answerClientAccessLogRequest;
    const { text } = await pdfText(Buffer.from(answered.letter.base64, 'base64'));
    expect(text).toContain('erityisen syyn perusteella: Epäilen luvatonta käyttöä');
  });
});
