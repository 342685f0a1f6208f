import { XMLParser } from 'fast-xml-parser';
import type { Identity } from '@asw/auth';
import { addDays, appealDeadlineAfterNotification, LocalDate, todayInFinland } from '@asw/calendar';
import { eventually, TEST_WORKER } from '@asw/testing';
import { pdfText } from '../../libs/testing/src/pdf-text';
import { ok as okOn, testIdentityCode } from '../support/case-steps';
import { RunningGraph, startGraph } from '../support/graph.harness';

// Plain-language description: decisions-payments.feature.md beside this file.
// The identity provider's `name` claim names the decider on the letter (not the user id).
const HANDLER: Identity = { kind: 'user', userId: 'handler-e2e-payments', roles: ['BENEFITS_HANDLER'], team: 'etuuskasittely', organisation: 'test-county', name: 'Helmi Handläggare' };
const LANDLORD_IBAN = 'FI4950009420028730';
const CLIENT_IBAN = 'FI2112345600000785';

const DECIDE = `mutation ($input: DecideIncomeSupportApplicationInput!) { decideIncomeSupportApplication(input: $input) {
  id outcome delivery { method } appeals { id } grantedTotalCents
  letter { language contentType sha256 base64 retentionClass }
  payments { id } } }`;
const SCHEDULE = `mutation ($input: ScheduleIncomeSupportPaymentsInput!) { scheduleIncomeSupportPayments(input: $input) { id decisionId linePosition payee amountCents dueOn status batchId } }`;
const BATCH = `mutation ($input: CreateIncomeSupportPaymentBatchInput!) { createIncomeSupportPaymentBatch(input: $input) {
  id messageId requestedExecutionDate numberOfTransactions controlSumCents document payments { id status batchId } } }`;
const DECISION_PAYMENTS = `query ($id: ID!) { client(id: $id) { incomeSupportApplications { decisions { id payments { id linePosition amountCents status batchId } } } } }`;

describe('a granted income-support decision: letter, payments and a pain.001 batch through the gateway', () => {
  let graph: RunningGraph;
  let worker: string;
  let handler: string;
  const today: LocalDate = todayInFinland();

  beforeAll(async () => {
    graph = await startGraph();
    [worker, handler] = await Promise.all([graph.token(TEST_WORKER), graph.token(HANDLER)]);
  });
  afterAll(() => graph?.close());

  const ok = (query: string, variables: Record<string, unknown>, token = handler) => okOn(graph, query, variables, token);
  const rows = async (table: string) => Number((await graph.subgraphs['benefits-handling'].dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('decides with a letter, pays each granted line once, and batches the payments as pain.001', async () => {
    const { registerClient } = await ok(`mutation($input: RegisterClientInput!) { registerClient(input: $input) { id } }`, {
      input: { personalIdentityCode: testIdentityCode('170785', 963), firstName: 'Stina', lastName: 'Sundström', municipalityCode: '398', preferredLanguage: 'SV' },
    }, worker);
    const clientId: string = registerClient.id;
    await ok(`mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { clientId, initiationChannel: 'APPLICATION' } }, worker);
    await eventually(async () => {
      expect(await graph.subgraphs['benefits-handling'].dataSource.query(`SELECT 1 FROM known_client WHERE client_id = $1`, [clientId])).toHaveLength(1);
    });
    const receivedOn = addDays(today, -3);
    const application = (
      await ok(`mutation ($input: RegisterIncomeSupportApplicationInput!) { registerIncomeSupportApplication(input: $input) { id } }`, {
        input: {
          clientId,
          kind: 'SUPPLEMENTARY',
          channel: 'PAPER',
          receivedOn,
          language: 'SV', // asiointikieli on the application: the letter is in Swedish without letterLanguage
          expenses: [
            { expenseType: 'RENT', claimedCents: 65_000 },
            { expenseType: 'MEDICINE', claimedCents: 4_590 },
            { expenseType: 'HOUSEHOLD_GOODS', claimedCents: 50_000 },
          ],
        },
      })
    ).registerIncomeSupportApplication;

    const decided = (
      await ok(DECIDE, {
        input: {
          applicationId: application.id,
          decidedOn: today,
          lines: [
            { expenseType: 'RENT', claimedCents: 65_000, grantedCents: 65_000, legalBasis: 'SUPPLEMENTARY_7C', payee: 'LANDLORD' },
            { expenseType: 'MEDICINE', claimedCents: 4_590, grantedCents: 4_590, legalBasis: 'SUPPLEMENTARY_7C', payee: 'CLIENT' },
            { expenseType: 'HOUSEHOLD_GOODS', claimedCents: 50_000, grantedCents: 0, reason: 'Inget behov av nya möbler', legalBasis: 'SUPPLEMENTARY_7C', payee: 'CLIENT' },
          ],
        },
      })
    ).decideIncomeSupportApplication;
    // Made, not yet delivered: no receipt day and no appeal deadline until the delivery is recorded.
    expect(decided).toMatchObject({ outcome: 'PARTIALLY_GRANTED', delivery: null, appeals: [], grantedTotalCents: 69_590, payments: [] });
    expect(decided.letter).toMatchObject({ language: 'SV', contentType: 'application/pdf', retentionClass: expect.any(String) });
    const { text } = await pdfText(Buffer.from(decided.letter.base64, 'base64'));
    expect(text).not.toContain('handler-e2e-payments');
    expect(text).not.toContain('Tidsfristen för begäran om omprövning går ut');
    for (const expected of [
      'Beslut om utkomststöd',
      'Delvis positivt',
      'Hyra: Sökt 650,00 €, Beviljat 650,00 €; Betalningsmottagare: Hyresvärden',
      'Läkemedel: Sökt 45,90 €, Beviljat 45,90 €',
      'Hushållsartiklar och möbler: Sökt 500,00 €, Beviljat 0,00 €',
      'Inget behov av nya möbler',
      'Sammanlagt: Sökt 1 195,90 €, Beviljat 695,90 €',
      'Lagen om utkomststöd 1412/1997 7 c §',
      'Helmi Handläggare, förmånshandläggare',
      'Begäran om omprövning ska framställas inom 30 dagar från delfåendet av beslutet.',
    ]) {
      expect(text).toContain(expected);
    }

    // Bad accounts are refused with a reason, and nothing is written.
    const before = { payments: await rows('income_support_payment'), outbox: await rows('outbox') };
    const accounts = [
      { payee: 'LANDLORD', iban: LANDLORD_IBAN, name: 'Hyresbolaget Ab' },
      { payee: 'CLIENT', iban: CLIENT_IBAN, name: 'Stina Sundström' },
    ];
    for (const [given, reason] of [
      [[{ ...accounts[0], iban: 'FI4950009420028731' }, accounts[1]], 'IBAN_CHECKSUM'],
      [[accounts[0]], 'ACCOUNT_MISSING'],
    ] as const) {
      const refused = await graph.request(SCHEDULE, { input: { decisionId: decided.id, dueOn: today, accounts: given } }, handler);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason } });
    }
    expect({ payments: await rows('income_support_payment'), outbox: await rows('outbox') }).toEqual(before);

    // One payment per granted line (the line granted nothing is not paid); asking again returns the same ones.
    const dueOn = addDays(today, 1);
    const payments = (await ok(SCHEDULE, { input: { decisionId: decided.id, dueOn, accounts } })).scheduleIncomeSupportPayments;
    expect(payments.map(({ linePosition, payee, amountCents, status }: any) => ({ linePosition, payee, amountCents, status }))).toEqual([
      { linePosition: 0, payee: 'LANDLORD', amountCents: 65_000, status: 'SCHEDULED' },
      { linePosition: 1, payee: 'CLIENT', amountCents: 4_590, status: 'SCHEDULED' },
    ]);
    const again = (await ok(SCHEDULE, { input: { decisionId: decided.id, dueOn, accounts } })).scheduleIncomeSupportPayments;
    expect(again).toEqual(payments);
    const changed = await graph.request(SCHEDULE, { input: { decisionId: decided.id, dueOn: addDays(dueOn, 1), accounts } }, handler);
    expect(changed.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', details: { reason: 'PAYMENTS_ALREADY_SCHEDULED', differs: 'dueOn' } });
    expect(await rows('income_support_payment')).toBe(before.payments + 2);
    // The database itself refuses a second payment for a line.
    await expect(
      graph.subgraphs['benefits-handling'].dataSource.query(
        `INSERT INTO income_support_payment (id, decision_id, line_position, client_id, payee, creditor_name, creditor_iban, amount_cents, due_on, status, created_by)
         VALUES (gen_random_uuid(), $1, 0, $2, 'LANDLORD', 'x', $3, 1, $4, 'SCHEDULED', 'x')`,
        [decided.id, clientId, LANDLORD_IBAN, dueOn],
      ),
    ).rejects.toThrow(/unique|duplicate/i);

    // The bank file: pain.001.001.09, counts and control sum matching the payments (650.00 + 45.90).
    const batch = (await ok(BATCH, { input: { executionDate: dueOn } })).createIncomeSupportPaymentBatch;
    expect(batch).toMatchObject({ requestedExecutionDate: dueOn, numberOfTransactions: 2, controlSumCents: 69_590 });
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, isArray: (name) => name === 'CdtTrfTxInf' }).parse(batch.document);
    expect(parsed.Document['@_xmlns']).toBe('urn:iso:std:iso:20022:tech:xsd:pain.001.001.09');
    const { GrpHdr, PmtInf } = parsed.Document.CstmrCdtTrfInitn;
    expect(GrpHdr).toMatchObject({ MsgId: batch.messageId, NbOfTxs: '2', CtrlSum: '695.90' });
    expect(PmtInf).toMatchObject({ PmtMtd: 'TRF', NbOfTxs: '2', CtrlSum: '695.90', ReqdExctnDt: { Dt: dueOn } });
    const transfers = PmtInf.CdtTrfTxInf.map((t: any) => [t.PmtId.EndToEndId, t.Amt.InstdAmt['#text'], t.Amt.InstdAmt['@_Ccy'], t.CdtrAcct.Id.IBAN]);
    expect(transfers).toEqual([
      [payments[0].id.replace(/-/g, ''), '650.00', 'EUR', LANDLORD_IBAN],
      [payments[1].id.replace(/-/g, ''), '45.90', 'EUR', CLIENT_IBAN],
    ]);
    expect(batch.payments.every((p: any) => p.status === 'BATCHED' && p.batchId === batch.id)).toBe(true);
    const nothingLeft = await graph.request(BATCH, { input: { executionDate: dueOn } }, handler);
    expect(nothingLeft.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', details: { reason: 'NOTHING_TO_BATCH' } });

    // The payments show on the decision, batched.
    const seen = (await ok(DECISION_PAYMENTS, { id: clientId })).client.incomeSupportApplications[0].decisions[0];
    expect(seen.payments).toEqual(payments.map((p: any) => ({ id: p.id, linePosition: p.linePosition, amountCents: p.amountCents, status: 'BATCHED', batchId: batch.id })));

    // On Kafka: each payment scheduled, then batched; ids and amounts, no name, no account.
    await eventually(async () => {
      const { messages } = await graph.sweep();
      const changes = messages.filter((message) => message.includes('IncomeSupportPaymentChanged') && message.includes(decided.id));
      expect(changes).toHaveLength(4);
      for (const message of changes) {
        expect(message).not.toContain('Sundström');
        expect(message).not.toContain(CLIENT_IBAN);
        expect(message).not.toContain(LANDLORD_IBAN);
      }
    }, 30_000);
  });

  // Made, then delivered (HL 59 §, laki 13/2003 19 §), then a request for review (HL 49 a–49 e §) handled to a new decision.
  it('records the delivery later, computes the appeal deadline from it, and takes a request for review to a corrected decision', async () => {
    const { registerClient } = await ok(`mutation($input: RegisterClientInput!) { registerClient(input: $input) { id } }`, {
      input: { personalIdentityCode: testIdentityCode('030388', 964), firstName: 'Pekka', lastName: 'Päätös', municipalityCode: '179', preferredLanguage: 'FI' },
    }, worker);
    const clientId: string = registerClient.id;
    await ok(`mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { clientId, initiationChannel: 'APPLICATION' } }, worker);
    await eventually(async () => {
      expect(await graph.subgraphs['benefits-handling'].dataSource.query(`SELECT 1 FROM known_client WHERE client_id = $1`, [clientId])).toHaveLength(1);
    });
    const application = (
      await ok(`mutation ($input: RegisterIncomeSupportApplicationInput!) { registerIncomeSupportApplication(input: $input) { id } }`, {
        input: { clientId, kind: 'SUPPLEMENTARY', channel: 'PAPER', receivedOn: addDays(today, -12), expenses: [{ expenseType: 'MEDICINE', claimedCents: 3_000 }] },
      })
    ).registerIncomeSupportApplication;
    const lines = (granted: number) => [
      { expenseType: 'MEDICINE', claimedCents: 3_000, grantedCents: granted, reason: granted < 3_000 ? 'Ei lääkärin määräämä' : null, legalBasis: 'SUPPLEMENTARY_7C', payee: 'CLIENT' },
    ];
    const decidedOn = addDays(today, -10);
    const decided = (await ok(DECIDE, { input: { applicationId: application.id, decidedOn, lines: lines(0) } })).decideIncomeSupportApplication;
    expect(decided).toMatchObject({ outcome: 'DENIED', delivery: null, appeals: [] });
    expect(decided.letter.language).toBe('FI'); // no language stated on the application

    const RECORD_DELIVERY = `mutation ($id: ID!, $input: RecordIncomeSupportDecisionDeliveryInput!) {
      recordIncomeSupportDecisionDelivery(decisionId: $id, input: $input) { method sentOn receivedOn appealDeadline } }`;
    const RECORD_APPEAL = `mutation ($id: ID!, $input: RecordIncomeSupportDecisionAppealInput!) {
      recordIncomeSupportDecisionAppeal(decisionId: $id, input: $input) { id decisionId receivedOn appealDeadline inTime status resolution newDecisionId } }`;
    const RESOLVE = `mutation ($id: ID!, $input: ResolveIncomeSupportDecisionAppealInput!) {
      resolveIncomeSupportDecisionAppeal(appealId: $id, input: $input) { id status resolution resolvedOn newDecisionId } }`;
    const written = async () => ({ deliveries: await rows('income_support_decision_delivery'), appeals: await rows('income_support_decision_appeal') });

    // Refused with a code and a reason, nothing written: an appeal before the delivery; a presumed day given; sent before the decision.
    const before = await written();
    for (const [query, variables, code, reason] of [
      [RECORD_APPEAL, { id: decided.id, input: { receivedOn: today } }, 'CONFLICT', 'DELIVERY_NOT_RECORDED'],
      [RECORD_DELIVERY, { id: decided.id, input: { method: 'POST', sentOn: addDays(today, -9), receivedOn: addDays(today, -8) } }, 'BAD_USER_INPUT', 'RECEIVED_ON_PRESUMED'],
      [RECORD_DELIVERY, { id: decided.id, input: { method: 'POST', sentOn: addDays(today, -11) } }, 'BAD_USER_INPUT', 'SENT_BEFORE_DECIDED'],
      [RECORD_DELIVERY, { id: decided.id, input: { method: 'IN_PERSON', sentOn: addDays(today, -9) } }, 'BAD_USER_INPUT', 'RECEIVED_ON_REQUIRED'],
    ] as const) {
      const refused = await graph.request(query, variables, handler);
      expect(refused.errors?.[0].extensions).toMatchObject({ code, details: { reason } });
    }
    expect(await written()).toEqual(before);

    // Posted the day after the decision: deemed received on the 7th day (HL 59 §), appeal 30 days from it.
    const sentOn = addDays(today, -9);
    const deadline = appealDeadlineAfterNotification(addDays(sentOn, 7));
    const delivery = (await ok(RECORD_DELIVERY, { id: decided.id, input: { method: 'POST', sentOn } })).recordIncomeSupportDecisionDelivery;
    expect(delivery).toEqual({ method: 'POST', sentOn, receivedOn: addDays(sentOn, 7), appealDeadline: deadline });
    const twice = await graph.request(RECORD_DELIVERY, { id: decided.id, input: { method: 'ELECTRONIC', sentOn } }, handler);
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', details: { reason: 'DELIVERY_ALREADY_RECORDED' } });

    // The request for review arrives today, in time.
    const appeal = (await ok(RECORD_APPEAL, { id: decided.id, input: { receivedOn: today } })).recordIncomeSupportDecisionAppeal;
    expect(appeal).toMatchObject({ decisionId: decided.id, receivedOn: today, appealDeadline: deadline, inTime: true, status: 'PENDING', resolution: null });
    const unexamined = await graph.request(RESOLVE, { id: appeal.id, input: { resolution: 'NOT_EXAMINED', resolvedOn: today } }, handler);
    expect(unexamined.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'IN_TIME_APPEAL_MUST_BE_EXAMINED' } });

    // Handled to a new decision: the correction grants the medicine, and resolves the request.
    const corrected = (
      await ok(`mutation ($input: CorrectIncomeSupportDecisionInput!) { correctIncomeSupportDecision(input: $input) { id outcome correctsDecisionId delivery { method } } }`, {
        input: { decisionId: decided.id, decidedOn: today, lines: lines(3_000) },
      })
    ).correctIncomeSupportDecision;
    expect(corrected).toMatchObject({ outcome: 'GRANTED', correctsDecisionId: decided.id, delivery: null });
    const resolved = (await ok(RESOLVE, { id: appeal.id, input: { resolution: 'DECISION_CHANGED', resolvedOn: today, newDecisionId: corrected.id } })).resolveIncomeSupportDecisionAppeal;
    expect(resolved).toEqual({ id: appeal.id, status: 'RESOLVED', resolution: 'DECISION_CHANGED', resolvedOn: today, newDecisionId: corrected.id });
    const again = await graph.request(RESOLVE, { id: appeal.id, input: { resolution: 'REJECTED', resolvedOn: today } }, handler);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', details: { reason: 'APPEAL_ALREADY_RESOLVED' } });

    // The decision shows its delivery and the handled request (the deprecated fields read the same delivery).
    const shown = (
      await ok(`query ($id: ID!) { client(id: $id) { incomeSupportApplications { decisions { id sentOn appealDeadline delivery { method receivedOn } appeals { id status newDecisionId } } } } }`, { id: clientId })
    ).client.incomeSupportApplications[0].decisions;
    expect(shown[0]).toEqual({
      id: decided.id,
      sentOn,
      appealDeadline: deadline,
      delivery: { method: 'POST', receivedOn: addDays(sentOn, 7) },
      appeals: [{ id: appeal.id, status: 'RESOLVED', newDecisionId: corrected.id }],
    });
  });
});
