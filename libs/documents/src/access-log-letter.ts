import type { LetterLanguage } from './letter-template';
import { fill, formatLetterDate, letterTemplate, RenderedLetter, renderLetterPdf } from './decision-letter';

/** One line of the access log as the client reads it: who (named), when, what and on what basis. */
export interface AccessLogLetterEntry {
  /** When it happened (an instant; written in Finnish time). */
  at: Date;
  /** The worker's name, or the partner organisation's name key (KELA, EMPLOYMENT_SERVICES). */
  who: { name: string; title: string | null; organisation: string };
  /** The service whose log holds the entry: case, housing-support, benefits-handling, group-activity. */
  service: string;
  log: 'ACCESS' | 'DISCLOSURE' | string;
  action: 'READ' | 'CHANGE' | string;
  outcome: 'ALLOWED' | 'REFUSED' | string;
  /** The basis as logged, e.g. relationship:CO_WORKER; its kind is written in words. */
  basis: string;
}

/** Vastaus lokitietopyyntöön (703/2023 11 §): what the answer letter says. */
export interface AccessLogLetter {
  language: LetterLanguage;
  issuer: string;
  requestId: string;
  receivedOn: string;
  answeredOn: string;
  /** The period covered: from (inclusive) to the day the request was received. */
  periodFrom: string;
  periodTo: string;
  olderEntries: boolean;
  specialReason: string | null;
  entries: readonly AccessLogLetterEntry[];
  answeredBy: { name: string; title: string | null };
}

const helsinkiTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An instant as a Finnish or Swedish letter writes it: 5.3.2026 klo 14.02 (Finnish time). */
export function formatLetterTime(at: Date, timeWord: string): string {
  const parts = Object.fromEntries(helsinkiTime.formatToParts(at).map((part) => [part.type, part.value]));
  return `${Number(parts.day)}.${Number(parts.month)}.${parts.year} ${timeWord} ${parts.hour}.${parts.minute}`;
}

/** "Name, title, organisation", leaving out what is unknown. */
export const personLine = (who: { name: string; title: string | null; organisation?: string }): string => [who.name, who.title, who.organisation].filter(Boolean).join(', ');

/** The answer's paragraphs in reading order, so the PDF and its tests share one source. */
export function accessLogLetterParagraphs(letter: AccessLogLetter): Array<{ heading?: string; text: string }> {
  const t = letterTemplate(letter.language).accessLog;
  const value = (key: string) => t.values[key] ?? key;
  const basis = (raw: string) => {
    const [kind, ...rest] = raw.split(':');
    return t.values[kind] ? [t.values[kind], rest.join(':')].filter(Boolean).join(' ') : raw;
  };
  const out: Array<{ heading?: string; text: string }> = [];
  out.push({ text: fill(t.intro, { receivedOn: formatLetterDate(letter.receivedOn), from: formatLetterDate(letter.periodFrom), to: formatLetterDate(letter.periodTo) }) });
  out.push({ text: letter.olderEntries ? fill(t.olderPeriod, { reason: letter.specialReason ?? '' }) : t.routinePeriod });
  const people = [...new Set(letter.entries.map((entry) => personLine(entry.who)))];
  out.push({ heading: t.people, text: people.length > 0 ? people.map((person) => `• ${person}`).join('\n') : t.noEntries });
  if (letter.entries.length > 0) {
    const lines = [...letter.entries]
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .map((entry) =>
        fill(t.entryLine, {
          at: formatLetterTime(entry.at, t.timeWord),
          who: personLine(entry.who),
          action: entry.outcome === 'REFUSED' ? value('REFUSED') : entry.log === 'DISCLOSURE' ? value('DISCLOSURE') : value(entry.action),
          service: value(entry.service),
          basis: basis(entry.basis),
        }),
      );
    out.push({ heading: t.entries, text: lines.join('\n') });
  }
  out.push({ heading: t.answeredBy, text: personLine(letter.answeredBy) });
  out.push({ text: t.legalBasis });
  return out;
}

/** Renders the answer to a client's access-log request as PDF, dated the day it was answered. */
export function renderAccessLogLetter(letter: AccessLogLetter): Promise<RenderedLetter> {
  const t = letterTemplate(letter.language).accessLog;
  return renderLetterPdf({
    language: letter.language,
    issuer: letter.issuer,
    kind: t.heading,
    headerLines: [`${t.requestId}: ${letter.requestId}`, `${t.answeredOn}: ${formatLetterDate(letter.answeredOn)}`],
    title: t.title,
    createdOn: letter.answeredOn,
    documentTitle: `${t.heading} ${letter.requestId}`,
    paragraphs: accessLogLetterParagraphs(letter),
  });
}
