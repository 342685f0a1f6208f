import { XMLBuilder } from 'fast-xml-parser';

/** ISO 20022 customer credit transfer initiation, version 09 (the SEPA rulebook's pain.001.001.09). */
export const PAIN_001_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09';

export interface Pain001Debtor {
  name: string;
  iban: string;
  bic: string;
}

export interface Pain001Transfer {
  /** EndToEndId: Max35Text; our payment id without hyphens (32 characters). */
  endToEndId: string;
  amountCents: number;
  creditorName: string;
  creditorIban: string;
  /** Unstructured remittance information, Max140Text. */
  remittance: string;
}

export interface Pain001Batch {
  messageId: string;
  createdAt: Date;
  requestedExecutionDate: string;
  debtor: Pain001Debtor;
  transfers: readonly Pain001Transfer[];
}

/** Cents as the XSD's ActiveOrHistoricCurrencyAndAmount: a decimal with exactly two fraction digits. */
export const decimalAmount = (cents: number): string => `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** Max35Text / Max70Text / Max140Text, in the SEPA character set (Latin letters, digits, / - ? : ( ) . , ' + space). */
const sepaText = (value: string, max: number): string =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ')
    .slice(0, max);

/**
 * Builds a pain.001.001.09 document: one payment information block (SEPA credit transfer, batch
 * booking, charges shared as SLEV) with one transaction per payment. Element order follows the XSD
 * sequence; NbOfTxs and CtrlSum are given at group and block level.
 */
export function buildPain001(batch: Pain001Batch): string {
  if (batch.transfers.length === 0) throw new Error('A pain.001 batch needs at least one transfer');
  const controlSum = decimalAmount(batch.transfers.reduce((sum, transfer) => sum + transfer.amountCents, 0));
  const count = String(batch.transfers.length);
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    Document: {
      '@_xmlns': PAIN_001_NAMESPACE,
      CstmrCdtTrfInitn: {
        GrpHdr: {
          MsgId: batch.messageId,
          CreDtTm: batch.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
          NbOfTxs: count,
          CtrlSum: controlSum,
          InitgPty: { Nm: sepaText(batch.debtor.name, 140) },
        },
        PmtInf: {
          PmtInfId: batch.messageId,
          PmtMtd: 'TRF',
          BtchBookg: 'true',
          NbOfTxs: count,
          CtrlSum: controlSum,
          PmtTpInf: { SvcLvl: { Cd: 'SEPA' } },
          ReqdExctnDt: { Dt: batch.requestedExecutionDate },
          Dbtr: { Nm: sepaText(batch.debtor.name, 140) },
          DbtrAcct: { Id: { IBAN: batch.debtor.iban } },
          DbtrAgt: { FinInstnId: { BICFI: batch.debtor.bic } },
          ChrgBr: 'SLEV',
          CdtTrfTxInf: batch.transfers.map((transfer) => ({
            PmtId: { InstrId: transfer.endToEndId, EndToEndId: transfer.endToEndId },
            Amt: { InstdAmt: { '@_Ccy': 'EUR', '#text': decimalAmount(transfer.amountCents) } },
            Cdtr: { Nm: sepaText(transfer.creditorName, 70) },
            CdtrAcct: { Id: { IBAN: transfer.creditorIban } },
            RmtInf: { Ustrd: sepaText(transfer.remittance, 140) },
          })),
        },
      },
    },
  };
  return new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true }).build(document);
}
