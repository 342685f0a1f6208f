import { XMLParser } from 'fast-xml-parser';
import { buildPain001, decimalAmount, PAIN_001_NAMESPACE } from './pain001';

const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, isArray: (name) => name === 'CdtTrfTxInf' }).parse(xml);

describe('decimalAmount', () => {
  it.each([
    [1, '0.01'],
    [4_590, '45.90'],
    [65_000, '650.00'],
    [123_456_789, '1234567.89'],
  ])('%d cents → %s', (cents, expected) => expect(decimalAmount(cents)).toBe(expected));
});

describe('buildPain001 (ISO 20022 pain.001.001.09)', () => {
  const batch = {
    messageId: 'a3f1e2d4c5b6a7980123456789abcdef',
    createdAt: new Date('2026-12-03T10:15:30.123Z'),
    requestedExecutionDate: '2026-12-04',
    debtor: { name: 'Päijät-Hämeen hyvinvointialue', iban: 'FI2112345600000785', bic: 'NDEAFIHH' },
    transfers: [
      { endToEndId: '11111111111111111111111111111111', amountCents: 65_000, creditorName: 'Vuokra Oy', creditorIban: 'FI4950009420028730', remittance: 'Toimeentulotuki, vuokra' },
      { endToEndId: '22222222222222222222222222222222', amountCents: 4_590, creditorName: 'Äijälä Åsa', creditorIban: 'FI2112345600000785', remittance: 'Toimeentulotuki, lääkkeet' },
    ],
  };

  it('parses back with the namespace, counts and control sums at both levels', () => {
    const xml = buildPain001(batch);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const document = parse(xml).Document;
    expect(document['@_xmlns']).toBe(PAIN_001_NAMESPACE);
    const { GrpHdr, PmtInf } = document.CstmrCdtTrfInitn;
    // 650.00 + 45.90, computed by hand.
    expect(GrpHdr).toMatchObject({ MsgId: batch.messageId, CreDtTm: '2026-12-03T10:15:30Z', NbOfTxs: '2', CtrlSum: '695.90' });
    expect(PmtInf).toMatchObject({ PmtMtd: 'TRF', NbOfTxs: '2', CtrlSum: '695.90', ReqdExctnDt: { Dt: '2026-12-04' }, ChrgBr: 'SLEV', DbtrAgt: { FinInstnId: { BICFI: 'NDEAFIHH' } } });
    const transfers = PmtInf.CdtTrfTxInf;
    const sum = transfers.reduce((total: number, t: any) => total + Math.round(Number(t.Amt.InstdAmt['#text']) * 100), 0);
    expect(sum).toBe(69_590);
    expect(transfers.map((t: any) => [t.PmtId.EndToEndId, t.Amt.InstdAmt['@_Ccy'], t.Amt.InstdAmt['#text'], t.CdtrAcct.Id.IBAN, t.Cdtr.Nm])).toEqual([
      ['11111111111111111111111111111111', 'EUR', '650.00', 'FI4950009420028730', 'Vuokra Oy'],
      // SEPA character set: letters without diacritics.
      ['22222222222222222222222222222222', 'EUR', '45.90', 'FI2112345600000785', 'Aijala Asa'],
    ]);
  });

  it('keeps the XSD sequence order of the payment information block', () => {
    const xml = buildPain001(batch);
    const order = ['<PmtInfId>', '<PmtMtd>', '<BtchBookg>', '<NbOfTxs>', '<CtrlSum>', '<PmtTpInf>', '<ReqdExctnDt>', '<Dbtr>', '<DbtrAcct>', '<DbtrAgt>', '<ChrgBr>', '<CdtTrfTxInf>'];
    const block = xml.slice(xml.indexOf('<PmtInf>'));
    const positions = order.map((tag) => block.indexOf(tag));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('refuses an empty batch', () => expect(() => buildPain001({ ...batch, transfers: [] })).toThrow('at least one transfer'));
});
