import { badInput } from '@asw/platform';

/**
 * Kelan ilmoitukset (eTotu): notices Kela sends the county under Laki toimeentulotuesta 1412/1997
 * (DOMAIN.md, income support). What each one sets in motion here.
 */
export enum KelaNoticeType {
  /** Ilmoitus sosiaalihuollon tarpeesta: immediately; urgent ones the same day. */
  NEED_FOR_SOCIAL_WORK = 'NEED_FOR_SOCIAL_WORK',
  /** Hakemuksen siirto: need for supplementary or preventive support, at the applicant's request. */
  NEED_FOR_SUPPLEMENTARY_OR_PREVENTIVE_SUPPORT = 'NEED_FOR_SUPPLEMENTARY_OR_PREVENTIVE_SUPPORT',
  /** Perusosa alennettu (§10). */
  REDUCED_BASIC_AMOUNT = 'REDUCED_BASIC_AMOUNT',
  /** Alle 25-vuotias työtön, toimeentulotuen saaja 4 kuukautta. */
  UNDER_25_UNEMPLOYED_4_MONTHS = 'UNDER_25_UNEMPLOYED_4_MONTHS',
  /** 25 vuotta täyttänyt työtön, toimeentulotuen saaja 12 kuukautta. */
  OVER_25_UNEMPLOYED_12_MONTHS = 'OVER_25_UNEMPLOYED_12_MONTHS',
  /** Maahanmuuttaja, toimeentulotuen saaja 2 kuukautta. */
  IMMIGRANT_2_MONTHS = 'IMMIGRANT_2_MONTHS',
}

/** How fast the county must react. */
export enum NoticePriority {
  /** Heti; kiireellinen samana päivänä. */
  IMMEDIATE = 'IMMEDIATE',
  NORMAL = 'NORMAL',
}

/** Age band of an activation trigger (Laki kuntouttavasta työtoiminnasta 189/2001). */
export enum ActivationAgeBand {
  UNDER_25 = 'UNDER_25',
  AGE_25_OR_OVER = 'AGE_25_OR_OVER',
}

/**
 * A fact for case's activation-trigger evaluation: "income support as main income for N months".
 * Facts, not a verdict: the triggers themselves are data in case (HE 109/2025 may change them).
 */
export interface ActivationFact {
  kind: 'INCOME_SUPPORT_AS_MAIN_INCOME';
  ageBand: ActivationAgeBand;
  months: number;
}

export interface KelaNoticeHandling {
  /** Opens a pending case (initiation channel KELA_NOTICE) or attaches to the open one (SHL §35). */
  opensOrAttachesCase: boolean;
  /** Registers an income-support application (PRODUCT.md flow 2) instead of a case contact. */
  createsApplication: boolean;
  activationFact: ActivationFact | null;
  priority: NoticePriority;
}

const HANDLING: Record<KelaNoticeType, KelaNoticeHandling> = {
  [KelaNoticeType.NEED_FOR_SOCIAL_WORK]: { opensOrAttachesCase: true, createsApplication: false, activationFact: null, priority: NoticePriority.IMMEDIATE },
  // A forwarded application: it is processed as an application; its decision reaches the case by event.
  [KelaNoticeType.NEED_FOR_SUPPLEMENTARY_OR_PREVENTIVE_SUPPORT]: {
    opensOrAttachesCase: false,
    createsApplication: true,
    activationFact: null,
    priority: NoticePriority.NORMAL,
  },
  // A reduced perusosa presupposes a plan made with the client (§10), so social work must take it up.
  [KelaNoticeType.REDUCED_BASIC_AMOUNT]: { opensOrAttachesCase: true, createsApplication: false, activationFact: null, priority: NoticePriority.NORMAL },
  [KelaNoticeType.UNDER_25_UNEMPLOYED_4_MONTHS]: {
    opensOrAttachesCase: true,
    createsApplication: false,
    activationFact: { kind: 'INCOME_SUPPORT_AS_MAIN_INCOME', ageBand: ActivationAgeBand.UNDER_25, months: 4 },
    priority: NoticePriority.NORMAL,
  },
  [KelaNoticeType.OVER_25_UNEMPLOYED_12_MONTHS]: {
    opensOrAttachesCase: true,
    createsApplication: false,
    activationFact: { kind: 'INCOME_SUPPORT_AS_MAIN_INCOME', ageBand: ActivationAgeBand.AGE_25_OR_OVER, months: 12 },
    priority: NoticePriority.NORMAL,
  },
  // Not an activation trigger in 189/2001; the county assesses the need for services (integration).
  [KelaNoticeType.IMMIGRANT_2_MONTHS]: { opensOrAttachesCase: true, createsApplication: false, activationFact: null, priority: NoticePriority.NORMAL },
};

export function kelaNoticeHandling(type: KelaNoticeType): KelaNoticeHandling {
  const handling = HANDLING[type];
  if (!handling) throw badInput('unknown Kela notice type', { field: 'type' });
  return handling;
}

export const opensOrAttachesCase = (type: KelaNoticeType): boolean => kelaNoticeHandling(type).opensOrAttachesCase;
export const activationFactOf = (type: KelaNoticeType): ActivationFact | null => kelaNoticeHandling(type).activationFact;

/**
 * Same-day handling for a need-for-social-work notice marked urgent; other IMMEDIATE notices are
 * handled at once without a same-day deadline; the rest in ordinary order.
 */
export function mustBeHandledSameDay(type: KelaNoticeType, urgent: boolean): boolean {
  return kelaNoticeHandling(type).priority === NoticePriority.IMMEDIATE && urgent;
}
