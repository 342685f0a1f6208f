import { pdfText } from '../../testing/src/pdf-text';
import { DecisionLetter, formatEuros, formatLetterDate, renderDecisionLetter } from './decision-letter';

const service: DecisionLetter = {
  kind: 'SERVICE_DECISION',
  language: 'FI',
  issuer: 'Päijät-Hämeen hyvinvointialue, aikuissosiaalityö',
  decisionId: '3f1c1e0e-7d1b-4a55-9a55-0d8a0c0b1a01',
  decidedOn: '2026-03-05',
  subject: 'SOCIAL_REHABILITATION',
  outcome: 'GRANTED',
  reasoning: 'Asiakas hyötyy ryhmätoiminnasta; palvelutarpeen arvioinnin mukaan tuki on tarpeen.',
  legalBasis: ['SERVICE_DECISION', 'SOCIAL_REHABILITATION'],
  validFrom: '2026-03-09',
  validUntil: null,
  clientGoals: ['Arkirytmin vahvistaminen'],
  decidedBy: { name: 'Sanna Sosiaalityöntekijä', title: 'sosiaalityöntekijä' },
};

const incomeSupport: DecisionLetter = {
  kind: 'INCOME_SUPPORT_DECISION',
  language: 'SV',
  issuer: 'Österbottens välfärdsområde',
  decisionId: '9d0f7c57-8b0e-4f0e-8a3a-1f4d6b2c9e11',
  decidedOn: '2026-11-17',
  subject: 'SUPPLEMENTARY',
  outcome: 'PARTIALLY_GRANTED',
  reasoning: 'Utgifterna för läkemedel beviljas enligt recept.',
  legalBasis: ['SUPPLEMENTARY_7C'],
  lines: [
    { expenseType: 'MEDICINE', claimedCents: 4590, grantedCents: 4590, reason: null, legalBasis: 'SUPPLEMENTARY_7C', payee: 'CLIENT' },
    { expenseType: 'HOUSEHOLD_GOODS', claimedCents: 123450, grantedCents: 30000, reason: 'Skälig kostnad för en säng', legalBasis: 'SUPPLEMENTARY_7C', payee: 'CLIENT' },
  ],
  decidedBy: { name: 'Erik Handläggare', title: 'förmånshandläggare' },
  delivery: { method: 'POST', sentOn: '2026-11-17', receivedOn: '2026-11-24', appealDeadline: '2026-12-28' },
};

describe('formatting', () => {
  it.each([
    [0, '0,00 €'],
    [5, '0,05 €'],
    [4590, '45,90 €'],
    [123450, '1 234,50 €'],
    [100000000, '1 000 000,00 €'],
  ])('%d cents → %s', (cents, expected) => expect(formatEuros(cents)).toBe(expected));

  it.each([
    ['2026-03-05', '5.3.2026'],
    ['2026-12-28', '28.12.2026'],
  ])('%s → %s', (date, expected) => expect(formatLetterDate(date)).toBe(expected));
});

describe('renderDecisionLetter: the PDF read back says what the decision says', () => {
  it('a Finnish service decision: decision, reasoning, legal basis, decider, appeal instructions with the rule', async () => {
    const rendered = await renderDecisionLetter(service);
    expect(rendered.contentType).toBe('application/pdf');
    expect(rendered.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(rendered.sha256).toMatch(/^[0-9a-f]{64}$/);
    const { text } = await pdfText(rendered.content);
    for (const expected of [
      'PÄÄTÖS',
      'Päätös sosiaalihuollon palvelusta: Sosiaalinen kuntoutus',
      'Myönteinen',
      '9.3.2026 – toistaiseksi',
      'Arkirytmin vahvistaminen',
      service.reasoning,
      'Sosiaalihuoltolaki 1301/2014 17 §',
      'Sanna Sosiaalityöntekijä, sosiaalityöntekijä',
      'OIKAISUVAATIMUSOHJE',
      '30 päivän kuluessa päätöksen tiedoksisaannista',
      'seitsemäntenä päivänä lähettämisestä (hallintolaki 59 §)',
    ]) {
      expect(text).toContain(expected);
    }
    // No delivery known at signing: no concrete deadline is claimed.
    expect(text).not.toContain('määräaika päättyy');
  });

  it('a Swedish income-support decision: amounts per line, totals, delivery and the deadline date', async () => {
    const { text } = await pdfText((await renderDecisionLetter(incomeSupport)).content);
    for (const expected of [
      'BESLUT',
      'Beslut om utkomststöd',
      'Delvis positivt',
      'Läkemedel: Sökt 45,90 €, Beviljat 45,90 €',
      'Hushållsartiklar och möbler: Sökt 1 234,50 €, Beviljat 300,00 €',
      'Skälig kostnad för en säng',
      'Sammanlagt: Sökt 1 280,40 €, Beviljat 345,90 €',
      'Lagen om utkomststöd 1412/1997 7 c §',
      'Erik Handläggare, förmånshandläggare',
      'Beslutet har delgetts per brev 17.11.2026; delfåendedag 24.11.2026.',
      'Tidsfristen för begäran om omprövning går ut 28.12.2026.',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('PÄÄTÖS');
  });

  it('the same decision renders to the same bytes (stable sha256)', async () => {
    const [a, b] = await Promise.all([renderDecisionLetter(service), renderDecisionLetter(service)]);
    expect(a.sha256).toBe(b.sha256);
  });
});
