import { badInput, conflict } from '@asw/platform';
import { optionalText } from './text.rules';

/** Asiakkuuden tila: where a case (asiakkuus) is in the client process (SHL 1301/2014 §§34–39). */
export enum CaseStatus {
  /** Vireillä: the matter is pending from the moment of contact (§34–35). */
  INITIATED = 'INITIATED',
  /** Palvelutarpeen arviointi käynnissä (§36). */
  ASSESSMENT = 'ASSESSMENT',
  /** Asiakassuunnitelman laatiminen (§39). */
  PLANNING = 'PLANNING',
  /** Asiakkuus aktiivinen: services under way per the plan. */
  ACTIVE = 'ACTIVE',
  /** Asiakkuus päättynyt (§34). */
  CLOSED = 'CLOSED',
}

/** Vireilletulotapa: how the matter became pending (§34–35). */
export enum InitiationChannel {
  /** Hakemus */
  APPLICATION = 'APPLICATION',
  /** Puhelinyhteydenotto */
  PHONE = 'PHONE',
  /** Asiointikäynti */
  VISIT = 'VISIT',
  /** Sähköposti */
  EMAIL = 'EMAIL',
  /** Toisen viranomaisen yhteydenotto (§35) */
  REFERRAL = 'REFERRAL',
  /** Kelan ilmoitus (eTotu) */
  KELA_NOTICE = 'KELA_NOTICE',
  /** Työvoimaviranomaisen yhteydenotto */
  EMPLOYMENT_SERVICES = 'EMPLOYMENT_SERVICES',
}

/** Asiakkuuden päättymisen syy (§34): why no basis for services remains. */
export enum CaseClosingReason {
  /** Ei palveluntarvetta */
  NO_SERVICE_NEED = 'NO_SERVICE_NEED',
  /** Palvelut päättyneet */
  SERVICES_ENDED = 'SERVICES_ENDED',
  /** Asiakas muuttanut pois alueelta */
  CLIENT_MOVED = 'CLIENT_MOVED',
  /** Asiakas kuollut */
  CLIENT_DECEASED = 'CLIENT_DECEASED',
  /** Siirretty toiseen palveluun tai organisaatioon */
  TRANSFERRED = 'TRANSFERRED',
  /** Muu syy: needs a note saying what. */
  OTHER = 'OTHER',
}

/** Palvelutehtävä: the service task a case belongs to; a client has at most one open case per task. */
export enum ServiceTask {
  /** Aikuissosiaalityö */
  ADULT_SOCIAL_WORK = 'ADULT_SOCIAL_WORK',
  /** Päihdetyö */
  SUBSTANCE_ABUSE_WORK = 'SUBSTANCE_ABUSE_WORK',
  /** Asumissosiaalinen työ */
  HOUSING_SUPPORT_WORK = 'HOUSING_SUPPORT_WORK',
  /** Sosiaalinen kuntoutus (§17) */
  SOCIAL_REHABILITATION = 'SOCIAL_REHABILITATION',
}

/** Kanta code set palvelutehtävä (Sosmeta), so that records can be archived later (laki 703/2023). */
export const PALVELUTEHTAVA_CODE_SET_OID = '1.2.246.537.6.1221';
/** Kanta code set palveluprosessi (Sosmeta). */
export const PALVELUPROSESSI_CODE_SET_OID = '1.2.246.537.6.1277';

/**
 * The palvelutehtävä code of each task in PALVELUTEHTAVA_CODE_SET_OID. Deliberately null: the code
 * values have not been taken from the national code service yet, and a guessed code would be archived.
 */
export const SERVICE_TASK_KANTA_CODE: Readonly<Record<ServiceTask, string | null>> = {
  [ServiceTask.ADULT_SOCIAL_WORK]: null,
  [ServiceTask.SUBSTANCE_ABUSE_WORK]: null,
  [ServiceTask.HOUSING_SUPPORT_WORK]: null,
  [ServiceTask.SOCIAL_REHABILITATION]: null,
};

/** The forward steps of the process; closing is allowed from any open state and is not listed. */
export const CASE_STEPS: ReadonlyArray<{ from: CaseStatus; to: CaseStatus; because: string }> = [
  { from: CaseStatus.INITIATED, to: CaseStatus.ASSESSMENT, because: 'service need assessment started (§36)' },
  { from: CaseStatus.ASSESSMENT, to: CaseStatus.PLANNING, because: 'service need assessment completed (§36)' },
  { from: CaseStatus.PLANNING, to: CaseStatus.ACTIVE, because: 'client plan made, or judged clearly unnecessary (§39)' },
];

/** Why a case moved from PLANNING to ACTIVE: §39 requires a plan unless it is clearly unnecessary. */
export enum CaseActivationBasis {
  /** Asiakassuunnitelma laadittu */
  PLAN_MADE = 'PLAN_MADE',
  /** Suunnitelman laatiminen ilmeisen tarpeetonta (§39) */
  PLAN_CLEARLY_UNNECESSARY = 'PLAN_CLEARLY_UNNECESSARY',
}

/** Every state but CLOSED is open: a closed case is never reopened, a new case is started instead. */
export const isOpen = (status: CaseStatus): boolean => status !== CaseStatus.CLOSED;

/** Refuses (CONFLICT, details {from, to}) any move that is not a forward step or the closing of an open case. */
export function assertTransition(from: CaseStatus, to: CaseStatus): void {
  if (to === CaseStatus.CLOSED && isOpen(from)) return;
  if (CASE_STEPS.some((step) => step.from === from && step.to === to)) return;
  const why = from === CaseStatus.CLOSED ? 'a closed case cannot change; start a new case instead' : `allowed from ${from}: ${allowedFrom(from).join(', ')}`;
  throw conflict(`A case cannot move from ${from} to ${to} (${why})`, { from, to });
}

/** The states a case may move to from `from`. */
export function allowedFrom(from: CaseStatus): CaseStatus[] {
  if (!isOpen(from)) return [];
  return [...CASE_STEPS.filter((step) => step.from === from).map((step) => step.to), CaseStatus.CLOSED];
}

export interface CaseClosing {
  reason: CaseClosingReason;
  note?: string | null;
}

const MAX_CLOSING_NOTE = 1000;

/** Closing (§34) checks the transition and the reason; OTHER must say what the reason was. */
export function assertClosing(from: CaseStatus, closing: CaseClosing): { reason: CaseClosingReason; note: string | null } {
  assertTransition(from, CaseStatus.CLOSED);
  if (!Object.values(CaseClosingReason).includes(closing.reason)) throw badInput('A closing reason is required', { field: 'reason' });
  const note = optionalText('note', closing.note, MAX_CLOSING_NOTE);
  if (closing.reason === CaseClosingReason.OTHER && note === null) throw badInput('A note is required when the closing reason is OTHER', { field: 'note' });
  return { reason: closing.reason, note };
}

export interface CaseSummary {
  id: string;
  serviceTask: ServiceTask;
  status: CaseStatus;
}

/** The client's open case for this service task, if any: e.g. where a new Kela notice is attached. */
export const findOpenCase = <C extends CaseSummary>(clientCases: readonly C[], serviceTask: ServiceTask): C | undefined =>
  clientCases.find((c) => c.serviceTask === serviceTask && isOpen(c.status));

/** One open case per client and service task: refuses (CONFLICT) opening a second one. */
export function assertNoOpenCase(clientCases: readonly CaseSummary[], serviceTask: ServiceTask): void {
  const open = findOpenCase(clientCases, serviceTask);
  if (open) throw conflict(`The client already has an open ${serviceTask} case`, { serviceTask, openCaseId: open.id, status: open.status });
}
