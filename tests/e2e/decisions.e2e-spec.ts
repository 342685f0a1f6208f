import { addDays, appealDeadlineAfterNotification, LocalDate, todayInFinland } from '@asw/calendar';
import type { Identity } from '@asw/auth';
import { TEST_WORKER } from '@asw/testing';
import { pdfText } from '../../libs/testing/src/pdf-text';
import { assignCaseWorkers, ok as okOn, testIdentityCode } from '../support/case-steps';
import { RunningGraph, startGraph } from '../support/graph.harness';

// Plain-language description: decisions.feature.md beside this file.
const SUPERVISOR: Identity = { kind: 'user', userId: 'e2e-dec-supervisor', roles: ['SUPERVISOR'], team: 'team-test', organisation: 'test-county' };
const INSTRUCTOR: Identity = { kind: 'user', userId: 'e2e-dec-instructor', roles: ['SOCIAL_INSTRUCTOR'], team: 'team-test', organisation: 'test-county' };

const NO_FINDINGS = Object.fromEntries(
  ['hasIncome', 'seriousSubstanceAbuse', 'seriousMentalHealth', 'seriousGambling', 'prisonRelease', 'seriousHousingProblem', 'newClientNeedingGuidance', 'rentArrears', 'hadEarlierSocialWorker', 'student', 'elderlyFirstAssessment'].map((key) => [key, false]),
);

const DECISION_FIELDS = `id decidedOn deemedReceivedOn appealDeadline
  letter { language contentType sha256 base64 retentionClass }
  delivery { method sentOn receivedOn appealDeadline }
  appeals { id receivedOn appealDeadline inTime status resolution resolvedOn newDecisionId }`;
const DECIDE = `mutation($id: ID!, $input: MakeServiceDecisionInput!) { makeServiceDecision(caseId: $id, input: $input) { ${DECISION_FIELDS} } }`;
const DRAFT = `mutation($id: ID!, $input: DraftServiceDecisionInput!) { draftServiceDecision(caseId: $id, input: $input) { id caseId serviceType outcome reasoning clientGoals signedDecisionId } }`;
const SIGN = `mutation($id: ID!, $input: SignServiceDecisionInput) { signServiceDecision(draftId: $id, input: $input) { ${DECISION_FIELDS} } }`;
const DELIVER = `mutation($id: ID!, $input: RecordServiceDecisionDeliveryInput!) { recordServiceDecisionDelivery(decisionId: $id, input: $input) { method sentOn receivedOn appealDeadline } }`;
const APPEAL = `mutation($id: ID!, $input: RecordServiceDecisionAppealInput!) { recordServiceDecisionAppeal(decisionId: $id, input: $input) { id receivedOn appealDeadline inTime status } }`;
const RESOLVE = `mutation($id: ID!, $input: ResolveServiceDecisionAppealInput!) { resolveServiceDecisionAppeal(appealId: $id, input: $input) { id status resolution resolvedOn newDecisionId } }`;
const DECISIONS = `query($id: ID!) { client(id: $id) { cases { decisions { ${DECISION_FIELDS} } } } }`;
const TIMELINE = `query ($id: ID!) { client(id: $id) { timeline(first: 50) { edges { node { id kind summary } } } } }`;

describe('a service decision from draft to signed letter, delivery and appeal, through the gateway', () => {
  let graph: RunningGraph;
  let worker: string;
  const today: LocalDate = todayInFinland();

  beforeAll(async () => {
    graph = await startGraph();
    worker = await graph.token(TEST_WORKER);
  });
  afterAll(() => graph?.close());

  const ok = (query: string, variables: Record<string, unknown>, token = worker) => okOn(graph, query, variables, token);
  const refusal = async (query: string, variables: Record<string, unknown>, token = worker) => {
    const response = await graph.request(query, variables, token);
    expect(response.errors).toHaveLength(1);
    return response.errors![0].extensions as { code: string; details?: { reason?: string; field?: string } };
  };

  it('drafts, signs, delivers, appeals and resolves, with the deadline following the delivery method', async () => {
    const { registerClient } = await ok(`mutation($input: RegisterClientInput!) { registerClient(input: $input) { id } }`, {
      input: { personalIdentityCode: testIdentityCode('120388', 961), firstName: 'Linnea', lastName: 'Lindqvist', municipalityCode: '398', preferredLanguage: 'SV' },
    });
    const clientId: string = registerClient.id;
    const { openCase } = await ok(`mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { clientId, initiationChannel: 'APPLICATION', initiatedOn: addDays(today, -60) } });
    await assignCaseWorkers(graph, await graph.token(SUPERVISOR), openCase.id, { userId: 'worker-test-1', name: 'Sanna Socialarbetare', role: 'SOCIAL_WORKER', team: 'team-test' });
    await ok(`mutation($id: ID!, $on: LocalDate) { startAssessment(caseId: $id, startedOn: $on) { id } }`, { id: openCase.id, on: addDays(today, -59) });
    await ok(`mutation($id: ID!, $input: CompleteAssessmentInput!) { completeAssessment(caseId: $id, input: $input) { id } }`, {
      id: openCase.id,
      input: { summary: 'Behöver stöd i vardagen', supportNeeds: ['INCOME'], specialSupportNeeded: false, findings: NO_FINDINGS, completedOn: addDays(today, -55) },
    });

    // Signed five days ago, entered now (back-dated within the window): the letter exists, the delivery does not.
    const decidedOn = addDays(today, -5);
    const reasoning = 'Gruppverksamhet stärker klientens vardagsrytm enligt bedömningen av servicebehovet.';
    // Drafted first (no letter, no decision yet), then signed: the signer is the decider.
    const draft = (
      await ok(DRAFT, { id: openCase.id, input: { serviceType: 'SOCIAL_REHABILITATION', outcome: 'GRANTED', reasoning, validFrom: decidedOn, clientGoals: ['Regelbunden dygnsrytm'] } })
    ).draftServiceDecision;
    expect(draft).toMatchObject({ caseId: openCase.id, serviceType: 'SOCIAL_REHABILITATION', outcome: 'GRANTED', clientGoals: ['Regelbunden dygnsrytm'], signedDecisionId: null });
    const drafts = `query($id: ID!) { client(id: $id) { cases { decisions { id } decisionDrafts { id } } } }`;
    expect((await ok(drafts, { id: clientId })).client.cases[0]).toEqual({ decisions: [], decisionDrafts: [{ id: draft.id }] });
    expect(await refusal(DRAFT, { id: openCase.id, input: { serviceType: 'SOCIAL_REHABILITATION', outcome: 'GRANTED', reasoning: ' ' } })).toMatchObject({ code: 'BAD_USER_INPUT' });
    const signed = (await ok(SIGN, { id: draft.id, input: { decidedOn } })).signServiceDecision;
    expect(await refusal(SIGN, { id: draft.id, input: null })).toMatchObject({ code: 'CONFLICT', details: { reason: 'DRAFT_ALREADY_SIGNED' } });
    expect((await ok(drafts, { id: clientId })).client.cases[0]).toEqual({ decisions: [{ id: signed.id }], decisionDrafts: [] });
    expect(signed).toMatchObject({ decidedOn, deemedReceivedOn: null, appealDeadline: null, delivery: null, appeals: [] });
    expect(signed.letter).toMatchObject({ language: 'SV', contentType: 'application/pdf', retentionClass: expect.any(String) });
    const pdf = Buffer.from(signed.letter.base64, 'base64');
    expect(require('node:crypto').createHash('sha256').update(pdf).digest('hex')).toBe(signed.letter.sha256);
    const { text } = await pdfText(pdf);
    for (const expected of ['BESLUT', 'Beslut om socialvårdstjänst: Social rehabilitering', 'Positivt', reasoning, 'Regelbunden dygnsrytm', 'Socialvårdslagen 1301/2014 17 §', 'Sanna Socialarbetare, socialarbetare', 'inom 30 dagar från delfåendet']) {
      expect(text).toContain(expected);
    }

    // Before delivery no request for review can be measured against a deadline.
    expect(await refusal(APPEAL, { id: signed.id, input: { receivedOn: today } }, worker)).toMatchObject({ code: 'CONFLICT', details: { reason: 'DELIVERY_NOT_RECORDED' } });
    // A receipt day for an electronic delivery is refused (the law presumes it), and nothing is written.
    const sentOn = addDays(decidedOn, 1);
    expect(await refusal(DELIVER, { id: signed.id, input: { method: 'ELECTRONIC', sentOn, receivedOn: sentOn } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { reason: 'RECEIVED_ON_PRESUMED', field: 'input.receivedOn' },
    });
    expect(await refusal(DELIVER, { id: signed.id, input: { method: 'POST', sentOn: addDays(decidedOn, -1) } })).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'SENT_BEFORE_DECIDED' } });
    expect((await ok(DECISIONS, { id: clientId })).client.cases[0].decisions[0].delivery).toBeNull();

    // Electronic: received on the 3rd day (laki 13/2003 19 §); deadline 30 days after, moved to a working day (HL 49 c §, 150/1930 5 §).
    const receivedOn = addDays(sentOn, 3);
    const deadline = appealDeadlineAfterNotification(receivedOn);
    const delivered = (await ok(DELIVER, { id: signed.id, input: { method: 'ELECTRONIC', sentOn } })).recordServiceDecisionDelivery;
    expect(delivered).toEqual({ method: 'ELECTRONIC', sentOn, receivedOn, appealDeadline: deadline });
    expect(await refusal(DELIVER, { id: signed.id, input: { method: 'POST', sentOn } })).toMatchObject({ code: 'CONFLICT', details: { reason: 'DELIVERY_ALREADY_RECORDED' } });
    expect((await ok(DECISIONS, { id: clientId })).client.cases[0].decisions[0]).toMatchObject({ deemedReceivedOn: receivedOn, appealDeadline: deadline });

    // The same day by post would have given 4 more days (HL 59 §: the 7th day): the deadline follows the method.
    const posted = (
      await ok(DECIDE, { id: openCase.id, input: { serviceType: 'HOUSING_SUPPORT', outcome: 'DENIED', reasoning: 'Ingen brist i boendet.', decidedOn, sentOn } })
    ).makeServiceDecision;
    expect(posted).toMatchObject({ deemedReceivedOn: addDays(sentOn, 7), appealDeadline: appealDeadlineAfterNotification(addDays(sentOn, 7)), delivery: { method: 'POST', sentOn } });
    expect(posted.appealDeadline > deadline || posted.appealDeadline === deadline).toBe(true);

    // The client asks for a review today: in time; it shows on the timeline, pending.
    const appeal = (await ok(APPEAL, { id: signed.id, input: { receivedOn: today } })).recordServiceDecisionAppeal;
    expect(appeal).toMatchObject({ receivedOn: today, appealDeadline: deadline, inTime: true, status: 'PENDING' });
    const pending = (await ok(TIMELINE, { id: clientId })).client.timeline.edges.map((edge: { node: unknown }) => edge.node);
    expect(pending).toContainEqual({ id: appeal.id, kind: 'DECISION_APPEAL', summary: 'Request for review in time, pending' });

    // An in-time request is examined; a social instructor may not resolve it at all.
    expect(await refusal(RESOLVE, { id: appeal.id, input: { resolution: 'NOT_EXAMINED', resolvedOn: today } })).toMatchObject({ details: { reason: 'IN_TIME_APPEAL_MUST_BE_EXAMINED' } });
    expect(await refusal(RESOLVE, { id: appeal.id, input: { resolution: 'REJECTED', resolvedOn: today } }, await graph.token(INSTRUCTOR))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(RESOLVE, { id: appeal.id, input: { resolution: 'DECISION_CHANGED', resolvedOn: today } })).toMatchObject({ details: { reason: 'NEW_DECISION_REQUIRED' } });

    // Handled to a new decision: the social worker decides again; the appeal names it.
    const changed = (
      await ok(DECIDE, { id: openCase.id, input: { serviceType: 'SOCIAL_REHABILITATION', outcome: 'GRANTED', reasoning: `${reasoning} Omprövat.`, validFrom: today, clientGoals: ['Regelbunden dygnsrytm', 'Arbetsprövning'] } })
    ).makeServiceDecision;
    const resolved = (await ok(RESOLVE, { id: appeal.id, input: { resolution: 'DECISION_CHANGED', resolvedOn: today, newDecisionId: changed.id } })).resolveServiceDecisionAppeal;
    expect(resolved).toEqual({ id: appeal.id, status: 'RESOLVED', resolution: 'DECISION_CHANGED', resolvedOn: today, newDecisionId: changed.id });
    expect(await refusal(RESOLVE, { id: appeal.id, input: { resolution: 'REJECTED', resolvedOn: today } })).toMatchObject({ code: 'CONFLICT', details: { reason: 'APPEAL_ALREADY_RESOLVED' } });
    const after = (await ok(TIMELINE, { id: clientId })).client.timeline.edges.map((edge: { node: unknown }) => edge.node);
    expect(after).toContainEqual({ id: appeal.id, kind: 'DECISION_APPEAL', summary: `Request for review in time, resolved DECISION_CHANGED on ${today}` });
    const decisions = (await ok(DECISIONS, { id: clientId })).client.cases[0].decisions;
    expect(decisions.find((d: { id: string }) => d.id === signed.id).appeals).toEqual([
      { id: appeal.id, receivedOn: today, appealDeadline: deadline, inTime: true, status: 'RESOLVED', resolution: 'DECISION_CHANGED', resolvedOn: today, newDecisionId: changed.id },
    ]);
  });

  it('a request that arrives after the deadline is recorded as late and left unexamined', async () => {
    const { registerClient } = await ok(`mutation($input: RegisterClientInput!) { registerClient(input: $input) { id } }`, {
      input: { personalIdentityCode: testIdentityCode('050590', 962), firstName: 'Matti', lastName: 'Myöhänen', municipalityCode: '398', preferredLanguage: 'FI' },
    });
    const { openCase } = await ok(`mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { clientId: registerClient.id, initiationChannel: 'APPLICATION', initiatedOn: addDays(today, -90) } });
    await ok(`mutation($id: ID!, $on: LocalDate) { startAssessment(caseId: $id, startedOn: $on) { id } }`, { id: openCase.id, on: addDays(today, -89) });
    await ok(`mutation($id: ID!, $input: CompleteAssessmentInput!) { completeAssessment(caseId: $id, input: $input) { id } }`, {
      id: openCase.id,
      input: { summary: 'Tuen tarve', supportNeeds: ['HOUSING'], specialSupportNeeded: false, findings: NO_FINDINGS, completedOn: addDays(today, -85) },
    });
    const handedOn = addDays(today, -80);
    const decision = (await ok(DECIDE, { id: openCase.id, input: { serviceType: 'HOUSING_SUPPORT', outcome: 'DENIED', reasoning: 'Asuminen on turvattu.', decidedOn: handedOn } })).makeServiceDecision;
    expect(decision.letter).toMatchObject({ language: 'FI' });
    expect((await pdfText(Buffer.from(decision.letter.base64, 'base64'))).text).toContain('OIKAISUVAATIMUSOHJE');
    // In person: the actual day; a missing receipt day is refused.
    expect(await refusal(DELIVER, { id: decision.id, input: { method: 'IN_PERSON', sentOn: handedOn } })).toMatchObject({ details: { reason: 'RECEIVED_ON_REQUIRED' } });
    const delivered = (await ok(DELIVER, { id: decision.id, input: { method: 'IN_PERSON', sentOn: handedOn, receivedOn: handedOn } })).recordServiceDecisionDelivery;
    expect(delivered).toEqual({ method: 'IN_PERSON', sentOn: handedOn, receivedOn: handedOn, appealDeadline: appealDeadlineAfterNotification(handedOn) });

    const late = (await ok(APPEAL, { id: decision.id, input: { receivedOn: today } })).recordServiceDecisionAppeal;
    expect(late).toMatchObject({ inTime: false, status: 'PENDING', appealDeadline: delivered.appealDeadline });
    const resolved = (await ok(RESOLVE, { id: late.id, input: { resolution: 'NOT_EXAMINED', resolvedOn: today } })).resolveServiceDecisionAppeal;
    expect(resolved).toMatchObject({ status: 'RESOLVED', resolution: 'NOT_EXAMINED', newDecisionId: null });
  });
});
