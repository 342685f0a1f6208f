/**
 * What case does with each kind of Kela notice (eTotu, DOMAIN.md "Income support"): notices that call
 * for social work open a pending case (vireillä, channel KELA_NOTICE) or attach to the open one; a
 * forwarded application is benefits-handling's to process, and reaches the case only by its decision.
 * The two unemployment notices are also facts for the activation trigger (189/2001): income support as
 * main income for at least that many months. Data, so a changed notice set is a table change.
 */
export interface KelaNoticeHandling {
  opensOrAttachesCase: boolean;
  /** Months of income support as main income the notice attests, for activation triggers. */
  incomeSupportMonths: number | null;
}

export const KELA_NOTICE_HANDLING: Readonly<Record<string, KelaNoticeHandling>> = {
  /** Ilmoitus sosiaalihuollon tarpeesta */
  NEED_FOR_SOCIAL_WORK: { opensOrAttachesCase: true, incomeSupportMonths: null },
  /** Hakemuksen siirto: processed as an income support application in benefits-handling */
  NEED_FOR_SUPPLEMENTARY_OR_PREVENTIVE_SUPPORT: { opensOrAttachesCase: false, incomeSupportMonths: null },
  /** Perusosan alentaminen: presupposes a plan made with the client (toimeentulotukilaki §10) */
  REDUCED_BASIC_AMOUNT: { opensOrAttachesCase: true, incomeSupportMonths: null },
  /** Alle 25-vuotias työtön, toimeentulotuen saaja 4 kuukautta */
  UNDER_25_UNEMPLOYED_4_MONTHS: { opensOrAttachesCase: true, incomeSupportMonths: 4 },
  /** 25 vuotta täyttänyt työtön, toimeentulotuen saaja 12 kuukautta */
  OVER_25_UNEMPLOYED_12_MONTHS: { opensOrAttachesCase: true, incomeSupportMonths: 12 },
  /** Maahanmuuttaja, toimeentulotuen saaja 2 kuukautta */
  IMMIGRANT_2_MONTHS: { opensOrAttachesCase: true, incomeSupportMonths: null },
};

/** How case handles a notice type; undefined for a type it does not know (the consumer then refuses the event). */
export const kelaNoticeHandling = (noticeType: string): KelaNoticeHandling | undefined =>
  Object.hasOwn(KELA_NOTICE_HANDLING, noticeType) ? KELA_NOTICE_HANDLING[noticeType] : undefined;
