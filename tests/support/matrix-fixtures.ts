import { randomUUID } from 'node:crypto';
import type { Identity, UserIdentity, UserRole } from '@asw/auth';
import { addDays, dayOfWeek, todayInFinland } from '@asw/calendar';
import { eventually } from '@asw/testing';
import { caseWithGrantedDecision, ok, registerClient, testIdentityCode } from './case-steps';
import type { RunningGraph } from './graph.harness';

/**
 * The records the authorization matrix (tests/e2e/access-control-matrix.e2e-spec.ts) asks about, built
 * once through the gateway as the real roles would, and the people who hold each kind of relationship
 * with them. Each relationship kind has one holder (a user id and team); the matrix asks as that holder
 * in every role, so a role's own check and the relationship's show separately.
 */
export const COLUMNS = ['NONE', 'NAMED_WORKER', 'CO_WORKER', 'TEAM_SUPERVISOR', 'QUEUE', 'FACILITATOR', 'JUSTIFIED', 'INTAKE_ONLY', 'PARTNER_SCOPE'] as const;
export type Column = (typeof COLUMNS)[number];

const ORG = 'test-county';
/** The county's benefits-handling team (BENEFITS_HANDLING_TEAM's default): Kela's and rent-arrears drafts land in its queue too. */
export const QUEUE_TEAM = 'etuuskasittely';
export const CASE_TEAM = 'team-mx';
export const EMPLOYMENT_OFFICE = 'Matriisin työllisyyspalvelut';
export const KELA_CLIENT = 'mx-kela';

/** Who holds each relationship: the user id and team a token of the column carries (any role). */
export const HOLDERS: Record<Exclude<Column, 'PARTNER_SCOPE'>, { userId: string; team: string }> = {
  NONE: { userId: 'mx-none', team: 'team-mx-none' },
  NAMED_WORKER: { userId: 'mx-named', team: 'team-mx-named' },
  CO_WORKER: { userId: 'mx-co', team: 'team-mx-co' },
  TEAM_SUPERVISOR: { userId: 'mx-lead', team: CASE_TEAM },
  QUEUE: { userId: 'mx-handler', team: QUEUE_TEAM },
  FACILITATOR: { userId: 'mx-facilitator', team: 'team-mx-fac' },
  JUSTIFIED: { userId: 'mx-justified', team: 'team-mx-just' },
  INTAKE_ONLY: { userId: 'mx-intake', team: 'team-mx-intake' },
};

const user = (column: keyof typeof HOLDERS, role: UserRole): UserIdentity => ({ kind: 'user', ...HOLDERS[column], roles: [role], organisation: ORG });

/** The actors that build the fixtures, each as the role they really have. */
export const ACTORS = {
  opener: { kind: 'user', userId: 'mx-opener', team: CASE_TEAM, roles: ['SOCIAL_WORKER'], organisation: ORG } as UserIdentity,
  lead: user('TEAM_SUPERVISOR', 'SUPERVISOR'),
  named: user('NAMED_WORKER', 'SOCIAL_WORKER'),
  co: user('CO_WORKER', 'SOCIAL_INSTRUCTOR'),
  handler: user('QUEUE', 'BENEFITS_HANDLER'),
  facilitator: user('FACILITATOR', 'SOCIAL_INSTRUCTOR'),
  justified: user('JUSTIFIED', 'SOCIAL_WORKER'),
  intake: user('INTAKE_ONLY', 'SOCIAL_WORKER'),
  intakeLead: user('INTAKE_ONLY', 'SUPERVISOR'),
  auditor: { kind: 'user', userId: 'mx-auditor', team: 'team-mx-audit', roles: ['AUDITOR'], organisation: ORG } as UserIdentity,
  kela: { kind: 'partner', partner: 'KELA', clientId: KELA_CLIENT, organisation: 'Kela' } as Identity,
  employment: { kind: 'partner', partner: 'EMPLOYMENT_SERVICES', clientId: 'mx-employment', organisation: EMPLOYMENT_OFFICE } as Identity,
};

export interface MatrixFixtures {
  today: string;
  tokens: Record<keyof typeof ACTORS, string>;
  /** The client every relationship is with (a granted social rehabilitation and housing support decision). */
  clientId: string;
  personalIdentityCode: string;
  /** The client's case (team CASE_TEAM): named worker NAMED_WORKER, co-worker CO_WORKER. */
  caseId: string;
  /** The social rehabilitation decision on it. */
  decisionId: string;
  /** The case INTAKE_ONLY opened on intake only. */
  intakeCaseId: string;
  /** A client plan on the case. */
  planId: string;
  /** An income-support application in the queue (registered by the QUEUE handler). */
  applicationId: string;
  /** Kela's forwarded application's reference (Kela client KELA_CLIENT). */
  kelaReference: string;
  /** The intake reference INTAKE_ONLY got for a duplicate registration (before opening their case). */
  intakeReference: string;
  /** The group FACILITATOR facilitates, with the client enrolled; one of its sessions. */
  groupId: string;
  sessionId: string;
  /** The client's housing support period (PLANNING). */
  periodId: string;
  /** An activation plan shared with EMPLOYMENT_OFFICE and signed by the county. */
  activationPlanId: string;
  /** A payment-intermediary account, a sublease and rent arrears of the client. */
  accountId: string;
  subleaseId: string;
  rentArrearsId: string;
  /** Worker ids (case service) of the named worker and co-worker. */
  namedWorkerId: string;
  coWorkerId: string;
  /** Throwaway records for one cell: see the fresh builders. */
  fresh: FreshRecords;
}

export type FreshRecords = ReturnType<typeof freshRecords>;

let counter = 0;
/** A personal identity code not used before in this run (temporary-range individual numbers 900–998, born 1985). */
export function nextIdentityCode(): string {
  const i = counter++;
  const day = String(1 + (i % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
  return testIdentityCode(`${day}${month}85`, 900 + (Math.floor(i / 336) % 99));
}

const NO_FINDINGS = Object.fromEntries(
  ['hasIncome', 'seriousSubstanceAbuse', 'seriousMentalHealth', 'seriousGambling', 'prisonRelease', 'seriousHousingProblem', 'newClientNeedingGuidance', 'rentArrears', 'hadEarlierSocialWorker', 'student', 'elderlyFirstAssessment'].map((key) => [key, false]),
);

export const M = {
  openCase: `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`,
  startAssessment: `mutation($id: ID!) { startAssessment(caseId: $id) { id } }`,
  completeAssessment: `mutation($id: ID!, $input: CompleteAssessmentInput!) { completeAssessment(caseId: $id, input: $input) { id } }`,
  decide: `mutation($id: ID!, $input: MakeServiceDecisionInput!) { makeServiceDecision(caseId: $id, input: $input) { id } }`,
  deliver: `mutation($id: ID!, $input: RecordServiceDecisionDeliveryInput!) { recordServiceDecisionDelivery(decisionId: $id, input: $input) { method } }`,
  appeal: `mutation($id: ID!, $input: RecordServiceDecisionAppealInput!) { recordServiceDecisionAppeal(decisionId: $id, input: $input) { id } }`,
  registerApplication: `mutation($input: RegisterIncomeSupportApplicationInput!) { registerIncomeSupportApplication(input: $input) { id } }`,
  decideApplication: `mutation($input: DecideIncomeSupportApplicationInput!) { decideIncomeSupportApplication(input: $input) { id } }`,
  requestCompletion: `mutation($input: RequestCompletionInput!) { requestIncomeSupportCompletion(input: $input) { id } }`,
  recoveryClaim: `mutation($input: RecordRecoveryClaimInput!) { recordRecoveryClaim(input: $input) { id } }`,
  applyToCourt: `mutation($id: ID!) { applyRecoveryClaimToCourt(claimId: $id) { id } }`,
  makePlan: `mutation($id: ID!, $input: ClientPlanInput!) { makeClientPlan(caseId: $id, input: $input) { id } }`,
  draftActivation: `mutation($clientId: ID!, $input: ActivationPlanInput!) { draftActivationPlan(clientId: $clientId, input: $input) { id } }`,
  shareActivation: `mutation($planId: ID!, $sharedWith: String!) { shareActivationPlan(planId: $planId, sharedWith: $sharedWith) { id } }`,
  signActivation: `mutation($planId: ID!) { signActivationPlan(planId: $planId) { id } }`,
  createGroup: `mutation($input: CreateRehabilitationGroupInput!) { createRehabilitationGroup(input: $input) { id sessions { id } } }`,
  enroll: `mutation($input: GroupEnrollmentInput!) { enrollInGroup(input: $input) { status } }`,
  planPeriod: `mutation($input: PlanHousingSupportPeriodInput!) { planHousingSupportPeriod(input: $input) { id } }`,
  startPeriod: `mutation($id: ID!) { startHousingSupportPeriod(periodId: $id) { id } }`,
  endPeriod: `mutation($input: EndHousingSupportPeriodInput!) { endHousingSupportPeriod(input: $input) { id } }`,
  openAccount: `mutation($input: OpenPaymentIntermediaryAccountInput!) { openPaymentIntermediaryAccount(input: $input) { id } }`,
  startSublease: `mutation($input: StartSubleaseInput!) { startSublease(input: $input) { id } }`,
  reportArrears: `mutation($input: ReportRentArrearsInput!) { reportRentArrears(input: $input) { id } }`,
  agreeRepayment: `mutation($input: AgreeRepaymentPlanInput!) { agreeRepaymentPlan(input: $input) { id } }`,
  forward: `mutation ForwardIncomeSupportApplication($input: ForwardIncomeSupportApplicationInput!) { forwardIncomeSupportApplication(input: $input) { reference status } }`,
  register: `mutation($input: RegisterClientInput!) { registerClient(input: $input) { id } }`,
  registerWorker: `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`,
  assign: `mutation($caseId: ID!, $workerId: ID!, $coWorkerIds: [ID!]) { assignResponsibleWorker(caseId: $caseId, workerId: $workerId, coWorkerIds: $coWorkerIds) { id } }`,
  justify: `mutation($input: AccessWithJustificationInput!) { accessClientWithJustification(input: $input) { id } }`,
};

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** One granted/denied line for an application claiming 300 € rent. */
export const decisionLine = (grantedCents = 30_000) => ({ expenseType: 'RENT', claimedCents: 30_000, grantedCents, legalBasis: 'SUPPLEMENTARY_7C', payee: 'CLIENT', reason: grantedCents < 30_000 ? 'Kohtuullinen asumismeno' : null });

export const groupInput = (today: string, facilitatorIds: string[]) => ({
  name: `Matriisiryhmä ${randomUUID().slice(0, 6)}`,
  kind: 'IN_PERSON_WEEKLY',
  capacity: 6,
  startsOn: today,
  endsOn: addDays(today as never, 55),
  startTime: '13:00',
  durationMinutes: 90,
  themes: ['SELF_CARE'],
  weekday: WEEKDAYS[dayOfWeek(today as never) - 1],
  facilitatorIds,
});

export const activationPlanInput = (today: string) => ({
  goals: ['Säännöllinen päivärytmi'],
  measures: [{ kind: 'REHABILITATIVE_WORK_ACTIVITY', description: 'Kuntouttava työtoiminta', daysPerWeek: 3 }],
  validFrom: today,
  validUntil: addDays(today as never, 180),
  reviewDate: addDays(today as never, 90),
});

/**
 * Throwaway records for one cell of a state-changing mutation: on the fixture client (so every
 * relationship with the client reaches them), on a related client of their own where a client has one
 * such record at a time (an open case per service task, an account, a sublease), or, for the intake-only
 * column, on a case the intake-only worker opened.
 */
function freshRecords(graph: RunningGraph, fx: Omit<MatrixFixtures, 'fresh'>) {
  const t = fx.tokens;
  const today = fx.today;
  const call = (query: string, variables: Record<string, unknown>, token: string) => ok(graph, query, variables, token);
  const records = {
    /** An open request of the fixture client for their access log, recorded by the auditor. */
    async accessLogRequest(): Promise<string> {
      const recorded = await call(`mutation($input: RecordClientAccessLogRequestInput!) { recordClientAccessLogRequest(input: $input) { id } }`, { input: { clientId: fx.clientId, receivedOn: today } }, t.auditor);
      return recorded.recordClientAccessLogRequest.id;
    },
    /**
     * A client of their own with every client-wide relationship the fixture client has (a case of the
     * team, the named worker and co-worker assigned by the lead, the justified access), for records a
     * client has one of at a time (an open case per service task, a payment-intermediary account, a
     * sublease). `services`: wait until the other services know the relationships.
     */
    async relatedClient(services = false): Promise<{ clientId: string; caseId: string }> {
      const clientId = await registerClient(graph, t.opener, nextIdentityCode(), { firstName: 'Heikki', lastName: 'Heittopää' });
      const caseId = (await call(M.openCase, { input: { clientId, initiationChannel: 'PHONE' } }, t.opener)).openCase.id;
      await call(M.assign, { caseId, workerId: fx.namedWorkerId, coWorkerIds: [fx.coWorkerId] }, t.lead);
      await call(M.justify, { input: { clientId, reason: 'COVERING_ABSENT_WORKER', justification: 'Sijaistan poissaolevaa omatyöntekijää (matriisi)', hours: 2 } }, t.justified);
      if (services) {
        await eventuallyRelated(graph, clientId);
        await eventuallyJustified(graph, clientId);
      }
      return { clientId, caseId };
    },
    /** A case, INITIATED, of a related client; intake: one the intake-only worker opened (on that case only). */
    async case(intake = false): Promise<string> {
      const { clientId, caseId } = await records.relatedClient();
      if (!intake) return caseId;
      return (await call(M.openCase, { input: { clientId, initiationChannel: 'VISIT', serviceTask: 'SUBSTANCE_ABUSE_WORK' } }, t.intake)).openCase.id;
    },
    async caseInAssessment(intake = false): Promise<string> {
      const id = await records.case(intake);
      await call(M.startAssessment, { id }, intake ? t.intake : t.named);
      return id;
    },
    async caseInPlanning(intake = false): Promise<string> {
      const id = await records.caseInAssessment(intake);
      await call(M.completeAssessment, { id, input: { summary: 'Tuen tarve', supportNeeds: ['INCOME'], specialSupportNeeded: false, findings: NO_FINDINGS } }, intake ? t.intake : t.named);
      return id;
    },
    /** A DENIED decision (no period, no eligibility follows from it) on the fixture case, or the intake-only case. */
    async decision(intake = false): Promise<string> {
      const caseId = intake ? fx.intakeCaseId : fx.caseId;
      return (await call(M.decide, { id: caseId, input: { serviceType: 'OTHER', outcome: 'DENIED', reasoning: 'Ei tarvetta tälle palvelulle.', decidedOn: today } }, intake ? t.intake : t.named)).makeServiceDecision.id;
    },
    /** An unsigned decision draft on a fresh case in planning (of the fixture client, or on intake only). */
    async decisionDraft(intake = false): Promise<string> {
      const caseId = await records.caseInPlanning(intake);
      const drafted = await call(`mutation($id: ID!, $input: DraftServiceDecisionInput!) { draftServiceDecision(caseId: $id, input: $input) { id } }`, { id: caseId, input: { serviceType: 'OTHER', outcome: 'DENIED', reasoning: 'Ei tarvetta tälle palvelulle.' } }, intake ? t.intake : t.named);
      return drafted.draftServiceDecision.id;
    },
    async deliveredDecision(intake = false): Promise<string> {
      const id = await records.decision(intake);
      await call(M.deliver, { id, input: { method: 'IN_PERSON', sentOn: today, receivedOn: today } }, t.named);
      return id;
    },
    async appeal(intake = false): Promise<string> {
      const id = await records.deliveredDecision(intake);
      return (await call(M.appeal, { id, input: { receivedOn: today } }, t.named)).recordServiceDecisionAppeal.id;
    },
    async clientPlan(intake = false): Promise<string> {
      const id = intake ? fx.intakeCaseId : fx.caseId;
      return (
        await call(M.makePlan, { id, input: { planDate: today, reviewDate: addDays(today as never, 90), goals: [{ text: 'Oma koti', setByClient: true }], measures: [{ description: 'Tapaamiset', responsible: 'NAMED_WORKER' }] } }, intake ? t.intake : t.named)
      ).makeClientPlan.id;
    },
    async activationPlan(): Promise<string> {
      return (await call(M.draftActivation, { clientId: fx.clientId, input: activationPlanInput(today) }, t.named)).draftActivationPlan.id;
    },
    async sharedActivationPlan(sign = true): Promise<string> {
      const planId = await records.activationPlan();
      await call(M.shareActivation, { planId, sharedWith: EMPLOYMENT_OFFICE }, t.named);
      if (sign) await call(M.signActivation, { planId }, t.named);
      return planId;
    },
    /** An application in the queue (registered by the queue's handler). */
    async application(): Promise<string> {
      return (
        await call(M.registerApplication, { input: { clientId: fx.clientId, kind: 'SUPPLEMENTARY', channel: 'PAPER', receivedOn: today, expenses: [{ expenseType: 'RENT', claimedCents: 30_000 }] } }, t.handler)
      ).registerIncomeSupportApplication.id;
    },
    async applicationAwaitingCompletion(): Promise<string> {
      const applicationId = await records.application();
      await call(M.requestCompletion, { input: { applicationId, missing: 'Tiliote', deadlineOn: addDays(today as never, 14) } }, t.handler);
      return applicationId;
    },
    /** A draft application (from reported rent arrears), one at a time: each draft is told apart by the ones taken before. */
    draftApplication(): Promise<string> {
      const next = drafts.then(() => records.oneDraft());
      drafts = next.catch(() => undefined);
      return next;
    },
    async oneDraft(): Promise<string> {
      const draftIds = async (): Promise<string[]> =>
        (await graph.subgraphs['benefits-handling'].dataSource.query(`SELECT id FROM income_support_application WHERE client_id = $1 AND status = 'DRAFT'`, [fx.clientId])).map((row: { id: string }) => row.id);
      const before = new Set(await draftIds());
      await call(M.reportArrears, { input: { clientId: fx.clientId, amountCents: 50_000, landlord: 'Matriisin Asunnot Oy', months: 1 } }, t.named);
      return eventually(async () => {
        const created = (await draftIds()).filter((id) => !before.has(id));
        if (created.length !== 1) throw new Error(`${created.length} new drafts`);
        return created[0];
      });
    },
    /** A decision on a fresh application, delivered when made (sentOn given) unless `delivered` is false. */
    async incomeSupportDecision({ delivered = true } = {}): Promise<string> {
      const applicationId = await records.application();
      const input = { applicationId, lines: [decisionLine()], decidedOn: today, ...(delivered ? { sentOn: today } : {}) };
      return (await call(M.decideApplication, { input }, t.handler)).decideIncomeSupportApplication.id;
    },
    /** A request for review of a fresh, delivered income-support decision. */
    async incomeSupportAppeal(): Promise<string> {
      const decisionId = await records.incomeSupportDecision();
      const recorded = await call(`mutation($id: ID!, $input: RecordIncomeSupportDecisionAppealInput!) { recordIncomeSupportDecisionAppeal(decisionId: $id, input: $input) { id } }`, { id: decisionId, input: { receivedOn: today } }, t.handler);
      return recorded.recordIncomeSupportDecisionAppeal.id;
    },
    /** A payment scheduled (due on `dueOn`) for a fresh decision. */
    async scheduledPayment(dueOn: string): Promise<void> {
      const decisionId = await records.incomeSupportDecision();
      await call(
        `mutation($input: ScheduleIncomeSupportPaymentsInput!) { scheduleIncomeSupportPayments(input: $input) { id } }`,
        { input: { decisionId, dueOn, accounts: [{ payee: 'CLIENT', iban: 'FI2112345600000785', name: 'Matti Matriisi' }] } },
        t.handler,
      );
    },
    async recoveryClaim(): Promise<string> {
      const decisionId = await records.incomeSupportDecision();
      return (await call(M.recoveryClaim, { input: { decisionId, ground: 'FALSE_INFORMATION', amountCents: 10_000 } }, t.handler)).recordRecoveryClaim.id;
    },
    async claimInCourt(): Promise<string> {
      const id = await records.recoveryClaim();
      await call(M.applyToCourt, { id }, t.handler);
      return id;
    },
    /** A housing support period in PLANNING: a granted HOUSING_SUPPORT decision on the fixture case. */
    async period(): Promise<string> {
      const decisionId = (
        await call(M.decide, { id: fx.caseId, input: { serviceType: 'HOUSING_SUPPORT', outcome: 'GRANTED', reasoning: 'Asumisen tuen tarve.', validFrom: today, validUntil: addDays(today as never, 180) } }, t.named)
      ).makeServiceDecision.id;
      return eventually(async () => {
        const [row] = await graph.subgraphs['housing-support'].dataSource.query(`SELECT id FROM housing_support_period WHERE decision_id = $1`, [decisionId]);
        if (!row) throw new Error('no period yet');
        return row.id as string;
      });
    },
    async plannedPeriod(): Promise<string> {
      const periodId = await records.period();
      await call(M.planPeriod, { input: { periodId, startsOn: today, endsOn: addDays(today as never, 170), goals: [{ area: 'APPLYING_FOR_A_FLAT', text: 'Oma asunto' }], visitSchedule: { frequency: 'WEEKLY', weekday: 'MONDAY' } } }, t.named);
      return periodId;
    },
    async activePeriod(): Promise<string> {
      const periodId = await records.plannedPeriod();
      await call(M.startPeriod, { id: periodId }, t.named);
      return periodId;
    },
    async endedPeriod(): Promise<string> {
      const periodId = await records.activePeriod();
      await call(M.endPeriod, { input: { periodId, endedOn: today, outcome: 'PARTLY_MET' } }, t.named);
      return periodId;
    },
    /** A client of their own (registered by the named worker, who opens a case): for operations that create relationships. */
    async client(): Promise<string> {
      const clientId = await registerClient(graph, t.named, nextIdentityCode(), { firstName: 'Heikki', lastName: 'Heittopää' });
      return clientId;
    },
    async accountOf(clientId: string): Promise<string> {
      return (await call(M.openAccount, { input: { clientId, openedOn: today } }, t.named)).openPaymentIntermediaryAccount.id;
    },
    async subleaseOf(clientId: string): Promise<string> {
      await records.accountOf(clientId);
      return (await call(M.startSublease, { input: { clientId, startsOn: today, address: 'Matriisikatu 1', monthlyRentCents: 60_000 } }, t.named)).startSublease.id;
    },
    async rentArrears(): Promise<string> {
      return (await call(M.reportArrears, { input: { clientId: fx.clientId, amountCents: 40_000, landlord: 'Matriisin Asunnot Oy', months: 1 } }, t.named)).reportRentArrears.id;
    },
    async arrearsWithPlan(): Promise<string> {
      const id = await records.rentArrears();
      await call(M.agreeRepayment, { input: { rentArrearsId: id, instalments: [{ dueOn: addDays(today as never, 30), amountCents: 40_000 }] } }, t.named);
      return id;
    },
    /** A group of the facilitator's with the client enrolled; returns the group and a session. */
    async groupWithClient(): Promise<{ groupId: string; sessionId: string }> {
      const group = (await call(M.createGroup, { input: groupInput(today, [HOLDERS.FACILITATOR.userId]) }, t.facilitator)).createRehabilitationGroup;
      await call(M.enroll, { input: { groupId: group.id, clientId: fx.clientId } }, t.named);
      return { groupId: group.id, sessionId: group.sessions[0].id };
    },
    async group(): Promise<string> {
      return (await call(M.createGroup, { input: groupInput(today, [HOLDERS.FACILITATOR.userId]) }, t.facilitator)).createRehabilitationGroup.id;
    },
  };
  let drafts: Promise<unknown> = Promise.resolve();
  return records;
}

/** Waits until housing-support and benefits-handling know who works on the client's cases. */
async function eventuallyRelated(graph: RunningGraph, clientId: string, caseCount = 1): Promise<void> {
  await eventually(async () => {
    for (const service of ['housing-support', 'benefits-handling', 'group-activity'] as const) {
      const [{ n }] = await graph.subgraphs[service].dataSource.query(`SELECT count(*)::int AS n FROM case_relationships WHERE client_id = $1`, [clientId]);
      if (n < caseCount) throw new Error(`${service} does not know the client's cases yet`);
    }
  });
}

/** Waits until the other services know the justified access to the client. */
async function eventuallyJustified(graph: RunningGraph, clientId: string): Promise<void> {
  await eventually(async () => {
    for (const service of ['housing-support', 'benefits-handling', 'group-activity'] as const) {
      const [{ n }] = await graph.subgraphs[service].dataSource.query(`SELECT count(*)::int AS n FROM justified_access WHERE client_id = $1`, [clientId]);
      if (n < 1) throw new Error(`${service} does not know the justified access yet`);
    }
  });
}

/** Builds every fixture through the gateway, as the real roles would. */
export async function buildMatrixFixtures(graph: RunningGraph): Promise<MatrixFixtures> {
  const today = todayInFinland() as string;
  const tokens = Object.fromEntries(await Promise.all(Object.entries(ACTORS).map(async ([name, identity]) => [name, await graph.token(identity)]))) as MatrixFixtures['tokens'];
  const call = (query: string, variables: Record<string, unknown>, token: string) => ok(graph, query, variables, token);

  // The client, registered by a social worker of the team, who opens the case: assessed, decisions granted.
  const personalIdentityCode = testIdentityCode('010180', 990);
  const clientId = await registerClient(graph, tokens.opener, personalIdentityCode, { firstName: 'Matti', lastName: 'Matriisi' });
  // A worker of another team registers the same code: no client id, an intake reference.
  const duplicate = await graph.request(M.register, { input: { personalIdentityCode, firstName: 'M', lastName: 'M', municipalityCode: '398', preferredLanguage: 'FI' } }, tokens.intake);
  const intakeReference = (duplicate.errors?.[0].extensions as { details?: { intakeReference?: string } } | undefined)?.details?.intakeReference;
  if (!intakeReference) throw new Error(`no intake reference for a duplicate registration: ${JSON.stringify(duplicate)}`);

  const caseId = await caseWithGrantedDecision(graph, tokens.opener, clientId, {
    serviceType: 'SOCIAL_REHABILITATION',
    summary: 'Tarve sosiaaliselle kuntoutukselle.',
    supportNeeds: ['DAILY_LIVING'],
    reasoning: 'Sosiaalisen kuntoutuksen tarve todettu.',
    clientGoals: ['Päivärytmi'],
  });
  // The team lead registers the named worker and the co-worker (of other teams) and assigns them.
  const workerIds: string[] = [];
  for (const [holder, role, name] of [
    [HOLDERS.NAMED_WORKER, 'SOCIAL_WORKER', 'Nelli Nimetty'],
    [HOLDERS.CO_WORKER, 'SOCIAL_INSTRUCTOR', 'Kalle Työpari'],
    [HOLDERS.FACILITATOR, 'SOCIAL_INSTRUCTOR', 'Fanni Ohjaaja'],
  ] as const) {
    workerIds.push((await call(M.registerWorker, { input: { userId: holder.userId, name, role, team: holder.team } }, tokens.lead)).registerWorker.id);
  }
  await call(M.assign, { caseId, workerId: workerIds[0], coWorkerIds: [workerIds[1]] }, tokens.lead);
  const [decision] = await graph.subgraphs.case.dataSource.query(`SELECT id FROM service_decision WHERE case_id = $1`, [caseId]);
  // A housing support decision on the same case: the period.
  await call(M.decide, { id: caseId, input: { serviceType: 'HOUSING_SUPPORT', outcome: 'GRANTED', reasoning: 'Asumisen tuen tarve.', validFrom: today, validUntil: addDays(today as never, 180) } }, tokens.named);
  const planId = (
    await call(M.makePlan, { id: caseId, input: { planDate: today, reviewDate: addDays(today as never, 90), goals: [{ text: 'Päivärytmi', setByClient: true }], measures: [{ description: 'Ryhmä', responsible: 'NAMED_WORKER' }] } }, tokens.named)
  ).makeClientPlan.id;

  // The intake-only case, and the justified access.
  const intakeCaseId = (await call(M.openCase, { input: { clientId, initiationChannel: 'VISIT', serviceTask: 'SUBSTANCE_ABUSE_WORK' } }, tokens.intake)).openCase.id;
  await call(M.startAssessment, { id: intakeCaseId }, tokens.intake);
  await call(M.completeAssessment, { id: intakeCaseId, input: { summary: 'Tuen tarve', supportNeeds: ['INCOME'], specialSupportNeeded: false, findings: NO_FINDINGS } }, tokens.intake);
  await call(M.justify, { input: { clientId, reason: 'COVERING_ABSENT_WORKER', justification: 'Sijaistan poissaolevaa omatyöntekijää (matriisi)', hours: 2 } }, tokens.justified);
  await eventuallyRelated(graph, clientId, 2);
  await eventuallyJustified(graph, clientId);

  // Benefits: an application in the queue, and one Kela forwarded.
  const applicationId = (
    await eventually(() =>
      call(M.registerApplication, { input: { clientId, kind: 'SUPPLEMENTARY', channel: 'PAPER', receivedOn: today, expenses: [{ expenseType: 'RENT', claimedCents: 30_000 }] } }, tokens.handler),
    )
  ).registerIncomeSupportApplication.id;
  const kelaReference = `KELA/MX-${randomUUID().slice(0, 8)}`;
  await call(M.forward, { input: { reference: kelaReference, personalIdentityCode, kind: 'SUPPLEMENTARY', receivedOn: today, expenses: [{ expenseType: 'MEDICINE', claimedCents: 2_000 }] } }, tokens.kela);

  // Group activity: the facilitator's group, the client enrolled by the named worker once eligible.
  const group = (await call(M.createGroup, { input: groupInput(today, [HOLDERS.FACILITATOR.userId]) }, tokens.facilitator)).createRehabilitationGroup;
  await eventually(() => call(M.enroll, { input: { groupId: group.id, clientId } }, tokens.named));

  // Housing support: the period (from the decision), an account, a sublease, rent arrears.
  const periodId: string = await eventually(async () => {
    const [row] = await graph.subgraphs['housing-support'].dataSource.query(`SELECT id FROM housing_support_period WHERE client_id = $1`, [clientId]);
    if (!row) throw new Error('no period yet');
    return row.id;
  });
  const accountId = (await call(M.openAccount, { input: { clientId, openedOn: today } }, tokens.named)).openPaymentIntermediaryAccount.id;
  const subleaseId = (await call(M.startSublease, { input: { clientId, startsOn: today, address: 'Matriisikatu 2', monthlyRentCents: 60_000 } }, tokens.named)).startSublease.id;
  const rentArrearsId = (await call(M.reportArrears, { input: { clientId, amountCents: 30_000, landlord: 'Matriisin Asunnot Oy', months: 1 } }, tokens.named)).reportRentArrears.id;
  // The arrears make a draft application in benefits-handling: wait for it, so no later step counts it as its own.
  await eventually(async () => {
    const [{ n }] = await graph.subgraphs['benefits-handling'].dataSource.query(`SELECT count(*)::int AS n FROM income_support_application WHERE client_id = $1 AND status = 'DRAFT'`, [clientId]);
    if (n < 1) throw new Error('no draft yet');
  });

  // Employment services: an activation plan shared with the office, signed by the county.
  const activationPlanId = (await call(M.draftActivation, { clientId, input: activationPlanInput(today) }, tokens.named)).draftActivationPlan.id;
  await call(M.shareActivation, { planId: activationPlanId, sharedWith: EMPLOYMENT_OFFICE }, tokens.named);

  const base = {
    today,
    tokens,
    clientId,
    personalIdentityCode,
    caseId,
    decisionId: decision.id as string,
    intakeCaseId,
    planId,
    applicationId,
    kelaReference,
    intakeReference,
    groupId: group.id,
    sessionId: group.sessions[0].id,
    periodId,
    activationPlanId,
    accountId,
    subleaseId,
    rentArrearsId,
    namedWorkerId: workerIds[0],
    coWorkerId: workerIds[1],
  };
  return { ...base, fresh: freshRecords(graph, base) };
}
