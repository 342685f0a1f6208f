import { spawn } from 'node:child_process';

/**
 * pdf.js (under pdf-parse) loads its worker by dynamic import, which jest's module sandbox refuses; so
 * the text is extracted in a plain Node process, reading the PDF from stdin.
 */
const EXTRACT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    const result = await parser.getText();
    process.stdout.write(JSON.stringify({ text: result.text, pages: result.total }));
  } catch (error) {
    process.stderr.write(String(error && error.message));
    process.exitCode = 1;
  } finally {
    await parser.destroy();
  }
});`;

/** The text of a PDF as a reader would extract it (pdf-parse on pdf.js), whitespace collapsed to single spaces. */
export function pdfText(content: Buffer | Uint8Array): Promise<{ text: string; pages: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', EXTRACT], { cwd: __dirname, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`PDF text extraction failed: ${Buffer.concat(err).toString()}`));
      const parsed = JSON.parse(Buffer.concat(out).toString()) as { text: string; pages: number };
      resolve({ text: parsed.text.replace(/\s+/g, ' ').trim(), pages: parsed.pages });
    });
    child.stdin.end(Buffer.from(content));
  });
}
