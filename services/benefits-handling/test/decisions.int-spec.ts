import { randomUUID } from 'node:crypto';
import { countQueriesOn, gatewayHeaders, postGraphQL, resolveClients, RunningSubgraph, startSubgraph } from '@asw/testing';
import { benefitsHandlingSubgraph } from '../src/benefits-handling.subgraph';
import { caseOf, footprint, HANDLER, KELA, kelaReference, knownClient, newPersonalIdentityCode, NURSE, outboxPayloads, SOCIAL_WORKER } from './benefits-test-support';

const REGISTER = `mutation ($input: RegisterIncomeSupportApplicationInput!) { registerIncomeSupportApplication(input: $input) { id clientId decisionDueOn } }`;
const DECISION_FIELDS = `id applicationId outcome decidedOn decidedBy sentOn deemedReceivedOn appealDeadline claimedTotalCents grantedTotalCents
  recoveryDecidedWhenGranting correctsDecisionId supersededById lines { expenseType claimedCents grantedCents reason legalBasis payee }`;
const DECIDE = `mutation ($input: DecideIncomeSupportApplicationInput!) { decideIncomeSupportApplication(input: $input) { ${DECISION_FIELDS} } }`;
const CORRECT = `mutation ($input: CorrectIncomeSupportDecisionInput!) { correctIncomeSupportDecision(input: $input) { ${DECISION_FIELDS} } }`;
const APPLICATION = `query ($id: ID!) { incomeSupportApplication(id: $id) { status decidedOn decidedWithinDeadline overdue dueInWorkingDays decisions { id outcome correctsDecisionId supersededById } } }`;
const RATE = `query ($on: LocalDate!) { incomeSupportRate(name: BASIC_AMOUNT_SINGLE_ADULT, on: $on) { name validFrom cents } }`;

describe('income support decisions and rates (real PostgreSQL and Kafka)', () => {
  let service: RunningSubgraph;
  let handler: Record<string, string>;

  beforeAll(async () => {
    service = await startSubgraph(benefitsHandlingSubgraph);
    handler = await gatewayHeaders(HANDLER);
  });
  afterAll(() => service?.close());

  const application = async (receivedOn = '2026-11-12') => {
    const input = {
      clientId: await knownClient(service),
      kind: 'PREVENTIVE',
      channel: 'E_SERVICE',
      receivedOn,
      expenses: [{ expenseType: 'RENT_ARREARS', claimedCents: 123_456 }, { expenseType: 'ELECTRICITY', claimedCents: 8_000 }],
    };
    const response = await postGraphQL(service.url, REGISTER, { input }, handler);
    expect(response.errors).toBeUndefined();
    return response.data.registerIncomeSupportApplication;
  };

  const lines = (overrides: Array<Record<string, unknown>> = [{}, {}]) => [
    { expenseType: 'RENT_ARREARS', claimedCents: 123_456, grantedCents: 100_000, reason: 'Osa rästeistä katettu vuokranantajan maksusuunnitelmalla', legalBasis: 'PREVENTIVE_13', payee: 'LANDLORD', ...overrides[0] },
    { expenseType: 'ELECTRICITY', claimedCents: 8_000, grantedCents: 8_000, legalBasis: 'PREVENTIVE_13', payee: 'CLIENT', ...overrides[1] },
  ];

  it('decides per expense line in cents, dates the notification and appeal, and announces the decision', async () => {
    const app = await application();
    const response = await postGraphQL(service.url, DECIDE, { input: { applicationId: app.id, lines: lines(), decidedOn: '2026-11-20', sentOn: '2026-11-20' } }, handler);
    expect(response.errors).toBeUndefined();
    const decision = response.data.decideIncomeSupportApplication;
    expect(decision).toMatchObject({
      applicationId: app.id,
      outcome: 'PARTIALLY_GRANTED',
      decidedOn: '2026-11-20',
      decidedBy: 'handler-1',
      sentOn: '2026-11-20',
      deemedReceivedOn: '2026-11-27', // the 7th day after posting
      appealDeadline: '2026-12-28', // 30 days after receipt is Sunday 27.12.: the next working day
      claimedTotalCents: 131_456,
      grantedTotalCents: 108_000,
      recoveryDecidedWhenGranting: false,
      correctsDecisionId: null,
    });
    expect(decision.lines[0]).toEqual({ expenseType: 'RENT_ARREARS', claimedCents: 123_456, grantedCents: 100_000, reason: 'Osa rästeistä katettu vuokranantajan maksusuunnitelmalla', legalBasis: 'PREVENTIVE_13', payee: 'LANDLORD' });

    const read = await postGraphQL(service.url, APPLICATION, { id: app.id }, handler);
    expect(read.data.incomeSupportApplication).toEqual({
      status: 'DECIDED',
      decidedOn: '2026-11-20',
      decidedWithinDeadline: true,
      overdue: false,
      dueInWorkingDays: null,
      decisions: [{ id: decision.id, outcome: 'PARTIALLY_GRANTED', correctsDecisionId: null, supersededById: null }],
    });
    const logged = await service.dataSource.query(`SELECT log, actor_id, action, categories, outcome FROM access_log WHERE client_id = $1 AND categories @> ARRAY['benefits-handling:incomeSupportDecisions']`, [app.clientId]);
    expect(logged).toEqual([{ log: 'ACCESS', actor_id: 'handler-1', action: 'CHANGE', categories: ['benefits-handling:incomeSupportDecisions'], outcome: 'ALLOWED' }]);
    const [event] = (await outboxPayloads(service, 'IncomeSupportDecisionMade')).filter((p) => p.decisionId === decision.id);
    expect(event).toMatchObject({ applicationId: app.id, clientId: app.clientId, kind: 'PREVENTIVE', outcome: 'PARTIALLY_GRANTED', grantedTotalCents: 108_000, correctsDecisionId: null });
  });

  it('does not decide an application twice; a correction is a new decision referencing the old one', async () => {
    const app = await application();
    const first = (await postGraphQL(service.url, DECIDE, { input: { applicationId: app.id, lines: lines(), decidedOn: '2026-11-20' } }, handler)).data.decideIncomeSupportApplication;

    const before = await footprint(service);
    const again = await postGraphQL(service.url, DECIDE, { input: { applicationId: app.id, lines: lines(), decidedOn: '2026-11-20' } }, handler);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0].message).toContain('correct the decision');
    expect(await footprint(service)).toEqual(before);

    const corrected = await postGraphQL(
      service.url,
      CORRECT,
      { input: { decisionId: first.id, lines: lines([{ grantedCents: 0, reason: 'Ei perusteita' }, { grantedCents: 0, reason: 'Ei perusteita' }]), decidedOn: '2026-11-23' } },
      handler,
    );
    expect(corrected.errors).toBeUndefined();
    const correction = corrected.data.correctIncomeSupportDecision;
    expect(correction).toMatchObject({ outcome: 'DENIED', grantedTotalCents: 0, correctsDecisionId: first.id, decidedOn: '2026-11-23' });
    const read = await postGraphQL(service.url, APPLICATION, { id: app.id }, handler);
    expect(read.data.incomeSupportApplication.decisions).toEqual([
      { id: first.id, outcome: 'PARTIALLY_GRANTED', correctsDecisionId: null, supersededById: correction.id },
      { id: correction.id, outcome: 'DENIED', correctsDecisionId: first.id, supersededById: null },
    ]);
    const events = (await outboxPayloads(service, 'IncomeSupportDecisionMade')).filter((p) => p.applicationId === app.id);
    expect(events.map((e) => [e.outcome, e.correctsDecisionId])).toEqual([['PARTIALLY_GRANTED', null], ['DENIED', first.id]]);

    const stale = await postGraphQL(service.url, CORRECT, { input: { decisionId: first.id, lines: lines(), decidedOn: '2026-11-24' } }, handler);
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const backdated = await postGraphQL(service.url, CORRECT, { input: { decisionId: correction.id, lines: lines(), decidedOn: '2026-11-22' } }, handler);
    expect(backdated.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('decides once when two handlers decide at the same moment', async () => {
    const app = await application();
    const responses = await Promise.all([1, 2].map(() => postGraphQL(service.url, DECIDE, { input: { applicationId: app.id, lines: lines(), decidedOn: '2026-11-20' } }, handler)));
    expect(responses.map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    expect(await service.dataSource.query(`SELECT count(*)::int AS n FROM income_support_decision WHERE application_id = $1`, [app.id])).toEqual([{ n: 1 }]);
  });

  it('shows decisions and their lines on the client’s applications in one query per level', async () => {
    const [a, b] = [await application(), await application()];
    for (const app of [a, b]) {
      expect((await postGraphQL(service.url, DECIDE, { input: { applicationId: app.id, lines: lines(), decidedOn: '2026-11-20' } }, handler)).errors).toBeUndefined();
    }
    const selection = 'id incomeSupportApplications { decisions { outcome lines { grantedCents } } }';
    // Client fields need a client relationship: the social worker named on both clients' cases.
    for (const app of [a, b]) await caseOf(service, app.clientId);
    const socialWorker = await gatewayHeaders(SOCIAL_WORKER);
    let response: any;
    // The pattern matches income_support_decision and income_support_decision_line: one query for each level.
    expect(await countQueriesOn('income_support_decision', async () => (response = await resolveClients(service.url, socialWorker, [a.clientId, b.clientId], selection)))).toBe(2);
    expect(await countQueriesOn('income_support_decision_line', () => resolveClients(service.url, socialWorker, [a.clientId, b.clientId], selection))).toBe(1);
    expect(response.data._entities.map((e: any) => e.incomeSupportApplications)).toEqual([
      [{ decisions: [{ outcome: 'PARTIALLY_GRANTED', lines: [{ grantedCents: 100_000 }, { grantedCents: 8_000 }] }] }],
      [{ decisions: [{ outcome: 'PARTIALLY_GRANTED', lines: [{ grantedCents: 100_000 }, { grantedCents: 8_000 }] }] }],
    ]);
  });

  it('lets Kela see "decided" for what it forwarded, and nothing more', async () => {
    const kela = await gatewayHeaders(KELA);
    const reference = kelaReference();
    const forwarded = await postGraphQL(
      service.url,
      `mutation ($input: ForwardIncomeSupportApplicationInput!) { forwardIncomeSupportApplication(input: $input) { status } }`,
      { input: { reference, personalIdentityCode: newPersonalIdentityCode(), kind: 'SUPPLEMENTARY', receivedOn: '2026-11-16', expenses: [{ expenseType: 'MEDICINE', claimedCents: 2_500 }] } },
      kela,
    );
    expect(forwarded.errors).toBeUndefined();
    const [{ id }] = await service.dataSource.query(`SELECT id FROM income_support_application WHERE kela_reference = $1`, [reference]);
    const decided = await postGraphQL(
      service.url,
      DECIDE,
      { input: { applicationId: id, lines: [{ expenseType: 'MEDICINE', claimedCents: 2_500, grantedCents: 2_500, legalBasis: 'SUPPLEMENTARY_7C', payee: 'CLIENT' }] } },
      handler,
    );
    expect(decided.errors).toBeUndefined();
    expect(decided.data.decideIncomeSupportApplication.outcome).toBe('GRANTED');
    const status = await postGraphQL(service.url, `query ($r: String!) { forwardedApplicationStatus(reference: $r) { reference status } }`, { r: reference }, kela);
    expect(status.data).toEqual({ forwardedApplicationStatus: { reference, status: 'DECIDED' } });
    const decisionsToKela = await postGraphQL(service.url, APPLICATION, { id }, kela);
    expect(decisionsToKela.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  describe('refuses bad decisions with a clear code and writes nothing', () => {
    it.each([
      ['a negative granted amount', lines([{ grantedCents: -1 }, {}]), 'BAD_USER_INPUT'],
      ['more granted than claimed', lines([{}, { grantedCents: 8_001 }]), 'BAD_USER_INPUT'],
      ['an absurd amount', lines([{ claimedCents: 100_000_000, grantedCents: 100_000_000 }, {}]), 'BAD_USER_INPUT'],
      ['a fractional amount', lines([{ grantedCents: 999.5 }, {}]), 'BAD_USER_INPUT'],
      ['a cut without a reason', lines([{ reason: null }, {}]), 'BAD_USER_INPUT'],
      ['no lines', [], 'BAD_USER_INPUT'],
      ['a PREVENTIVE application decided under 7 c', lines([{ legalBasis: 'SUPPLEMENTARY_7C' }, {}]), 'BAD_USER_INPUT'],
      ['a claimed line left undecided', lines([{}]).slice(0, 1), 'BAD_USER_INPUT'],
      ['an unclaimed line without a reason', [...lines(), { expenseType: 'OTHER', claimedCents: 500, grantedCents: 500, legalBasis: 'PREVENTIVE_13', payee: 'CLIENT' }], 'BAD_USER_INPUT'],
    ])('%s', async (_name, decisionLines, code) => {
      const app = await application();
      const before = await footprint(service);
      const [row] = await service.dataSource.query(`SELECT * FROM income_support_application WHERE id = $1`, [app.id]);
      const response = await postGraphQL(service.url, DECIDE, { input: { applicationId: app.id, lines: decisionLines } }, handler);
      expect(response.errors?.[0].extensions?.code).toBe(code);
      expect(await footprint(service)).toEqual(before);
      expect(await service.dataSource.query(`SELECT * FROM income_support_application WHERE id = $1`, [app.id])).toEqual([row]);
    });

    it('lists every content problem at once, by field path', async () => {
      const app = await application();
      const before = await footprint(service);
      const wrong = [{ ...lines()[0], legalBasis: 'SUPPLEMENTARY_7C' }, { expenseType: 'OTHER', claimedCents: 500, grantedCents: 500, legalBasis: 'PREVENTIVE_13', payee: 'CLIENT' }];
      const response = await postGraphQL(service.url, DECIDE, { input: { applicationId: app.id, lines: wrong } }, handler);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'LEGAL_BASIS_DOES_NOT_FIT_KIND', field: 'input.lines[0].legalBasis' } });
      expect((response.errors?.[0].extensions?.details as { problems: Array<{ field: string; reason: string }> }).problems.map((p) => `${p.field} ${p.reason}`)).toEqual([
        'input.lines[0].legalBasis LEGAL_BASIS_DOES_NOT_FIT_KIND',
        'input.lines CLAIMED_EXPENSE_UNDECIDED',
        'input.lines[1].reason UNCLAIMED_LINE_NEEDS_REASON',
      ]);
      expect(await footprint(service)).toEqual(before);
    });

    it.each([
      ['an unknown application', async () => ({ applicationId: randomUUID(), lines: lines() }), 'FORBIDDEN'], // answered as one out of reach (issue #13: existence is not revealed)
      ['a future decision day', async () => ({ applicationId: (await application()).id, lines: lines(), decidedOn: '2999-01-01' }), 'BAD_USER_INPUT'],
      ['a decision before the application arrived', async () => ({ applicationId: (await application('2026-11-12')).id, lines: lines(), decidedOn: '2026-11-11' }), 'BAD_USER_INPUT'],
      ['posting before deciding', async () => ({ applicationId: (await application()).id, lines: lines(), decidedOn: '2026-11-20', sentOn: '2026-11-19' }), 'BAD_USER_INPUT'],
    ])('%s', async (_name, input, code) => {
      const decisionInput = await input();
      const before = await footprint(service);
      const response = await postGraphQL(service.url, DECIDE, { input: decisionInput }, handler);
      expect(response.errors?.[0].extensions?.code).toBe(code);
      expect(await footprint(service)).toEqual(before);
    });

    it('a practical nurse or Kela may not decide', async () => {
      const app = await application();
      const before = await footprint(service);
      for (const identity of [NURSE, KELA]) {
        const response = await postGraphQL(service.url, DECIDE, { input: { applicationId: app.id, lines: lines() } }, await gatewayHeaders(identity));
        expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
      expect(await footprint(service)).toEqual(before);
    });
  });

  describe('recovery claims (takaisinperintä, §19–21)', () => {
    const RECORD = `mutation ($input: RecordRecoveryClaimInput!) { recordRecoveryClaim(input: $input) { id decisionId ground amountCents status appliedOn courtDecidedOn courtOutcome } }`;
    const APPLY = `mutation ($id: ID!, $on: LocalDate) { applyRecoveryClaimToCourt(claimId: $id, appliedOn: $on) { id status appliedOn } }`;
    const COURT = `mutation ($input: RecordCourtDecisionInput!) { recordRecoveryCourtDecision(input: $input) { id status courtDecidedOn courtOutcome } }`;

    const decided = async (recoveryDecidedWhenGranting: boolean) => {
      const app = await application();
      const response = await postGraphQL(service.url, DECIDE, { input: { applicationId: app.id, lines: lines(), decidedOn: '2026-11-20', recoveryDecidedWhenGranting } }, handler);
      expect(response.errors).toBeUndefined();
      return response.data.decideIncomeSupportApplication;
    };

    it('drafts a claim with its §20 ground, applies to the administrative court, and records the court’s decision', async () => {
      const decision = await decided(false);
      const recorded = await postGraphQL(service.url, RECORD, { input: { decisionId: decision.id, ground: 'FALSE_INFORMATION', amountCents: 50_000 } }, handler);
      expect(recorded.errors).toBeUndefined();
      const claim = recorded.data.recordRecoveryClaim;
      expect(claim).toMatchObject({ decisionId: decision.id, ground: 'FALSE_INFORMATION', amountCents: 50_000, status: 'DRAFT', appliedOn: null });

      const early = await postGraphQL(service.url, COURT, { input: { claimId: claim.id, outcome: 'ORDERED', decidedOn: '2026-11-24' } }, handler);
      expect(early.errors?.[0].extensions?.code).toBe('CONFLICT');
      const applied = await postGraphQL(service.url, APPLY, { id: claim.id, on: '2026-11-23' }, handler);
      expect(applied.data.applyRecoveryClaimToCourt).toEqual({ id: claim.id, status: 'APPLIED_TO_COURT', appliedOn: '2026-11-23' });
      const again = await postGraphQL(service.url, APPLY, { id: claim.id, on: '2026-11-23' }, handler);
      expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
      const backdated = await postGraphQL(service.url, COURT, { input: { claimId: claim.id, outcome: 'ORDERED', decidedOn: '2026-11-22' } }, handler);
      expect(backdated.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const court = await postGraphQL(service.url, COURT, { input: { claimId: claim.id, outcome: 'ORDERED', decidedOn: '2026-11-24' } }, handler);
      expect(court.data.recordRecoveryCourtDecision).toEqual({ id: claim.id, status: 'DECIDED_BY_COURT', courtDecidedOn: '2026-11-24', courtOutcome: 'ORDERED' });

      const events = (await outboxPayloads(service, 'IncomeSupportRecoveryClaimChanged')).filter((p) => p.claimId === claim.id);
      expect(events.map((e) => [e.status, e.courtOutcome])).toEqual([['DRAFT', null], ['APPLIED_TO_COURT', null], ['DECIDED_BY_COURT', 'ORDERED']]);
      const read = await postGraphQL(service.url, `query ($id: ID!) { incomeSupportApplication(id: $id) { decisions { recoveryClaims { id status } } } }`, { id: decision.applicationId }, handler);
      expect(read.data.incomeSupportApplication.decisions[0].recoveryClaims).toEqual([{ id: claim.id, status: 'DECIDED_BY_COURT' }]);
    });

    it('takes "assets not yet available" only when decided in the granting decision, and never more than was granted', async () => {
      const plain = await decided(false);
      const flagged = await decided(true);
      const before = await footprint(service);
      const [{ n: claimsBefore }] = await service.dataSource.query(`SELECT count(*)::int AS n FROM recovery_claim`);
      const refusals: Array<[Record<string, unknown>, string]> = [
        [{ decisionId: plain.id, ground: 'ASSETS_NOT_YET_AVAILABLE', amountCents: 1_000 }, 'CONFLICT'],
        // 20 § 1 mom: every ground but false information needs the recovery decided when granting.
        [{ decisionId: plain.id, ground: 'STRIKE', amountCents: 1_000 }, 'CONFLICT'],
        [{ decisionId: plain.id, ground: 'WILFUL_NEGLECT_OF_SELF_SUPPORT', amountCents: 1_000 }, 'CONFLICT'],
        [{ decisionId: plain.id, ground: 'MAINTENANCE_LIABLE_NEGLECT', amountCents: 1_000, liablePersonName: 'Matti Meikäläinen' }, 'CONFLICT'],
        [{ decisionId: flagged.id, ground: 'MAINTENANCE_LIABLE_NEGLECT', amountCents: 1_000 }, 'BAD_USER_INPUT'],
        [{ decisionId: flagged.id, ground: 'STRIKE', amountCents: 1_000, liablePersonName: 'Matti Meikäläinen' }, 'BAD_USER_INPUT'],
        [{ decisionId: flagged.id, ground: 'STRIKE', amountCents: 108_001 }, 'BAD_USER_INPUT'],
        [{ decisionId: plain.id, ground: 'STRIKE', amountCents: 0 }, 'BAD_USER_INPUT'],
        [{ decisionId: plain.id, ground: 'STRIKE', amountCents: -5 }, 'BAD_USER_INPUT'],
        [{ decisionId: randomUUID(), ground: 'STRIKE', amountCents: 5 }, 'FORBIDDEN'], // an unknown decision answers as one out of reach
      ];
      for (const [input, code] of refusals) {
        const response = await postGraphQL(service.url, RECORD, { input }, handler);
        expect(response.errors?.[0].extensions?.code).toBe(code);
      }
      expect(await footprint(service)).toEqual(before);
      expect((await service.dataSource.query(`SELECT count(*)::int AS n FROM recovery_claim`))[0].n).toBe(claimsBefore);

      const first = await postGraphQL(service.url, RECORD, { input: { decisionId: flagged.id, ground: 'ASSETS_NOT_YET_AVAILABLE', amountCents: 100_000 } }, handler);
      expect(first.data.recordRecoveryClaim.status).toBe('DRAFT');
      const beyond = await postGraphQL(service.url, RECORD, { input: { decisionId: flagged.id, ground: 'FALSE_INFORMATION', amountCents: 8_001 } }, handler);
      expect(beyond.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const rest = await postGraphQL(service.url, RECORD, { input: { decisionId: flagged.id, ground: 'FALSE_INFORMATION', amountCents: 8_000 } }, handler);
      expect(rest.errors).toBeUndefined();
    });

    it('records a maintenance-liable person’s neglect as recovered from that person, named, and keeps the name out of the event', async () => {
      const flagged = await decided(true);
      const WHO = `mutation ($input: RecordRecoveryClaimInput!) { recordRecoveryClaim(input: $input) { id ground recoveredFrom liablePersonName } }`;
      const response = await postGraphQL(service.url, WHO, { input: { decisionId: flagged.id, ground: 'MAINTENANCE_LIABLE_NEGLECT', amountCents: 5_000, liablePersonName: ' Matti  Meikäläinen ' } }, handler);
      expect(response.errors).toBeUndefined();
      expect(response.data.recordRecoveryClaim).toMatchObject({ ground: 'MAINTENANCE_LIABLE_NEGLECT', recoveredFrom: 'MAINTENANCE_LIABLE_PERSON', liablePersonName: 'Matti Meikäläinen' });
      const fromClient = await postGraphQL(service.url, WHO, { input: { decisionId: flagged.id, ground: 'FALSE_INFORMATION', amountCents: 1_000 } }, handler);
      expect(fromClient.data.recordRecoveryClaim).toMatchObject({ recoveredFrom: 'CLIENT', liablePersonName: null });
      const events = (await outboxPayloads(service, 'IncomeSupportRecoveryClaimChanged')).filter((p) => p.claimId === response.data.recordRecoveryClaim.id);
      expect(events).toHaveLength(1);
      expect(JSON.stringify(events)).not.toContain('Meikäläinen');
    });
  });

  it.each([
    ['2024-01-01', '2024-01-01', 58_771],
    ['2024-12-31', '2024-01-01', 58_771],
    ['2026-02-28', '2025-01-01', 59_632],
    ['2026-03-01', '2026-03-01', 57_843],
  ])('reads the perusosa in force on %s from the seeded rates', async (on, validFrom, cents) => {
    const response = await postGraphQL(service.url, RATE, { on }, handler);
    expect(response.data).toEqual({ incomeSupportRate: { name: 'BASIC_AMOUNT_SINGLE_ADULT', validFrom, cents } });
  });

  it('has no rate before the first row', async () => {
    const response = await postGraphQL(service.url, RATE, { on: '2023-12-31' }, handler);
    expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
