import { pdfText } from '../../testing/src/pdf-text';
import { AccessLogLetter, formatLetterTime, renderAccessLogLetter } from './access-log-letter';

const letter: AccessLogLetter = {
  language: 'FI',
  issuer: 'Päijät-Hämeen hyvinvointialue',
  requestId: '5b9d7a2e-1c4f-4e2a-9b1d-7e3f2a1c0d11',
  receivedOn: '2026-03-10',
  answeredOn: '2026-03-20',
  periodFrom: '2024-03-10',
  periodTo: '2026-03-10',
  olderEntries: false,
  specialReason: null,
  entries: [
    {
      at: new Date('2026-03-05T12:02:00Z'),
      who: { name: 'Sanna Sosiaalityöntekijä', title: 'sosiaalityöntekijä', organisation: 'test-county' },
      service: 'housing-support',
      log: 'ACCESS',
      action: 'READ',
      outcome: 'ALLOWED',
      basis: 'relationship:CO_WORKER',
    },
    {
      at: new Date('2026-03-04T08:00:00Z'),
      who: { name: 'Kansaneläkelaitos (Kela)', title: null, organisation: 'Kela' },
      service: 'benefits-handling',
      log: 'DISCLOSURE',
      action: 'READ',
      outcome: 'ALLOWED',
      basis: 'partner:KELA',
    },
  ],
  answeredBy: { name: 'Tiina Tietosuoja', title: 'tietosuojavastaava' },
};

describe('access-log answer letter (703/2023 11 §)', () => {
  it('names each person with title and organisation, in Finnish time, oldest first', async () => {
    const { text } = await pdfText((await renderAccessLogLetter(letter)).content);
    expect(text).toContain('VASTAUS LOKITIETOPYYNTÖÖN');
    expect(text).toContain('Sanna Sosiaalityöntekijä, sosiaalityöntekijä, test-county');
    // 12.02 UTC in March is 14.02 in Finland (EET, UTC+2).
    expect(text).toContain('5.3.2026 klo 14.02 — Sanna Sosiaalityöntekijä, sosiaalityöntekijä, test-county — luki tietoja: asumisen tuki; peruste: asiakassuhde CO_WORKER');
    expect(text.indexOf('4.3.2026 klo 10.00')).toBeLessThan(text.indexOf('5.3.2026 klo 14.02'));
    expect(text).toContain('tietoja luovutettiin');
    expect(text).toContain('ajan 10.3.2024 – 10.3.2026');
    expect(text).toContain('kahden viimeisen vuoden ajalta');
  });

  it('in Swedish, with older entries on the special reason given', async () => {
    const { text } = await pdfText((await renderAccessLogLetter({ ...letter, language: 'SV', olderEntries: true, periodFrom: '2020-01-01', specialReason: 'Misstanke om missbruk 2020' })).content);
    expect(text).toContain('SVAR PÅ BEGÄRAN OM LOGGUPPGIFTER');
    expect(text).toContain('på grund av det särskilda skäl du angett: Misstanke om missbruk 2020');
    expect(text).toContain('5.3.2026 kl. 14.02');
  });

  it.each([
    ['2026-07-01T21:30:00Z', '2.7.2026 klo 00.30'], // summer time, UTC+3, past midnight
    ['2026-01-15T06:05:00Z', '15.1.2026 klo 08.05'], // winter, UTC+2
  ])('%s is written %s', (at, expected) => {
    expect(formatLetterTime(new Date(at), 'klo')).toBe(expected);
  });
});
