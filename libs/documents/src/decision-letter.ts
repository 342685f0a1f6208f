import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { LetterLanguage, LetterTemplate } from './letter-template';
import { fi } from './templates/fi';
import { sv } from './templates/sv';

const TEMPLATES: Record<LetterLanguage, LetterTemplate> = { FI: fi, SV: sv };

export const LETTER_CONTENT_TYPE = 'application/pdf';

export interface DecisionLetterLine {
  expenseType: string;
  claimedCents: number;
  grantedCents: number;
  reason: string | null;
  legalBasis: string;
  payee: string;
}

export interface LetterDelivery {
  method: string;
  sentOn: string;
  receivedOn: string;
  appealDeadline: string;
}

/** What a decision letter says; values of enums are keys into the language template. */
export interface DecisionLetter {
  kind: 'SERVICE_DECISION' | 'INCOME_SUPPORT_DECISION';
  language: LetterLanguage;
  /** Issuer, e.g. the wellbeing services county and unit. */
  issuer: string;
  decisionId: string;
  decidedOn: string;
  /** Asia: a service type or an income-support kind key. */
  subject: string;
  outcome: string;
  reasoning: string;
  /** Keys into the template's legalBasis table, in citation order. */
  legalBasis: readonly string[];
  validFrom?: string | null;
  validUntil?: string | null;
  clientGoals?: readonly string[];
  lines?: readonly DecisionLetterLine[];
  decidedBy: { name: string; title: string | null };
  /** Known when the decision is delivered at signing (e.g. handed over); otherwise the instructions give the rule. */
  delivery?: LetterDelivery | null;
}

export interface RenderedLetter {
  contentType: string;
  content: Buffer;
  sha256: string;
  language: LetterLanguage;
}

export function letterTemplate(language: LetterLanguage): LetterTemplate {
  const template = TEMPLATES[language];
  if (!template) throw new Error(`No letter template for language ${language}`);
  return template;
}

/** 2026-03-05 → 5.3.2026, as both Finnish and Swedish write dates. */
export function formatLetterDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day}.${month}.${year}`;
}

/** 123456 → "1 234,56 €" (Finnish and Swedish: comma decimals, space thousands). */
export function formatEuros(cents: number): string {
  const euros = Math.trunc(cents / 100);
  const rest = String(Math.abs(cents % 100)).padStart(2, '0');
  return `${String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${rest} €`;
}

export const fill = (text: string, values: Record<string, string>): string => text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
const label = (template: LetterTemplate, key: string): string => template.values[key] ?? key;

/** The letter's paragraphs in reading order, so the PDF and its tests share one source. */
export function letterParagraphs(letter: DecisionLetter): Array<{ heading?: string; text: string }> {
  const t = letterTemplate(letter.language);
  const out: Array<{ heading?: string; text: string }> = [];
  out.push({ heading: t.labels.subject, text: `${t.titles[letter.kind]}: ${label(t, letter.subject)}` });
  out.push({ heading: t.labels.outcome, text: label(t, letter.outcome) });
  if (letter.validFrom) {
    const until = letter.validUntil ? formatLetterDate(letter.validUntil) : t.labels.validUntilFurtherNotice;
    out.push({ heading: t.labels.validity, text: `${formatLetterDate(letter.validFrom)} – ${until}` });
  }
  if (letter.clientGoals && letter.clientGoals.length > 0) {
    out.push({ heading: t.labels.clientGoals, text: letter.clientGoals.map((goal) => `• ${goal}`).join('\n') });
  }
  if (letter.lines && letter.lines.length > 0) {
    const rows = letter.lines.map((line) => {
      const reason = line.reason ? ` — ${t.labels.lineReason}: ${line.reason}` : '';
      return `${label(t, line.expenseType)}: ${t.labels.claimed} ${formatEuros(line.claimedCents)}, ${t.labels.granted} ${formatEuros(line.grantedCents)}; ${t.labels.payee}: ${label(t, line.payee)}${reason}`;
    });
    const claimed = letter.lines.reduce((sum, line) => sum + line.claimedCents, 0);
    const granted = letter.lines.reduce((sum, line) => sum + line.grantedCents, 0);
    rows.push(`${t.labels.total}: ${t.labels.claimed} ${formatEuros(claimed)}, ${t.labels.granted} ${formatEuros(granted)}`);
    out.push({ heading: t.labels.lines, text: rows.join('\n') });
  }
  out.push({ heading: t.labels.reasoning, text: letter.reasoning });
  out.push({ heading: t.labels.legalBasis, text: letter.legalBasis.map((key) => t.legalBasis[key] ?? key).join('\n') });
  out.push({ heading: t.labels.decidedBy, text: [letter.decidedBy.name, letter.decidedBy.title].filter(Boolean).join(', ') });
  if (letter.delivery) {
    out.push({
      heading: t.labels.delivery,
      text: fill(t.deliveryLine, {
        method: label(t, letter.delivery.method),
        sentOn: formatLetterDate(letter.delivery.sentOn),
        receivedOn: formatLetterDate(letter.delivery.receivedOn),
      }),
    });
  }
  const appeal = [t.appeal.intro, t.appeal.period, t.appeal.receipt];
  if (letter.delivery) appeal.push(fill(t.appeal.deadlineKnown, { deadline: formatLetterDate(letter.delivery.appealDeadline) }));
  appeal.push(t.appeal.where, t.appeal.contents);
  out.push({ heading: t.labels.appealInstructions, text: appeal.join('\n\n') });
  return out;
}

/** The letterhead and body of a letter, in reading order; every letter of the county renders through it. */
export interface LetterPage {
  language: LetterLanguage;
  issuer: string;
  /** Top right: the document's kind (PÄÄTÖS), its id and date, e.g. ["Päätöksen tunnus: …", "Päätöspäivä: 5.3.2026"]. */
  kind: string;
  headerLines: string[];
  title: string;
  /** Creation date of the PDF (a local date), so the same document renders to the same text. */
  createdOn: string;
  documentTitle: string;
  paragraphs: Array<{ heading?: string; text: string }>;
}

/** Renders a letter as PDF (pdfkit, built-in Helvetica: WinAnsi covers Finnish and Swedish). */
export function renderLetterPdf(page: LetterPage): Promise<RenderedLetter> {
  const [year, month, day] = page.createdOn.split('-').map(Number);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: page.documentTitle, Producer: 'asw documents', Creator: page.issuer, CreationDate: new Date(Date.UTC(year, month - 1, day)) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(11).text(page.issuer);
  doc.font('Helvetica-Bold').fontSize(16).text(page.kind, { align: 'right' });
  for (const line of page.headerLines) doc.font('Helvetica').fontSize(10).text(line, { align: 'right' });
  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(13).text(page.title);
  doc.moveDown(0.5);
  for (const paragraph of page.paragraphs) {
    if (paragraph.heading) doc.font('Helvetica-Bold').fontSize(10.5).text(paragraph.heading);
    doc.font('Helvetica').fontSize(10).text(paragraph.text, { paragraphGap: 2 });
    doc.moveDown(0.6);
  }
  doc.end();
  return done.then((content) => ({ contentType: LETTER_CONTENT_TYPE, content, sha256: createHash('sha256').update(content).digest('hex'), language: page.language }));
}

/** Renders a decision letter as PDF. The creation date is the decision day, so the same decision renders to the same text. */
export function renderDecisionLetter(letter: DecisionLetter): Promise<RenderedLetter> {
  const t = letterTemplate(letter.language);
  return renderLetterPdf({
    language: letter.language,
    issuer: letter.issuer,
    kind: t.labels.decision,
    headerLines: [`${t.labels.decisionId}: ${letter.decisionId}`, `${t.labels.decidedOn}: ${formatLetterDate(letter.decidedOn)}`],
    title: t.titles[letter.kind],
    createdOn: letter.decidedOn,
    documentTitle: `${t.labels.decision} ${letter.decisionId}`,
    paragraphs: letterParagraphs(letter),
  });
}
