/**
 * Codegen proven: GraphQL Code Generator turns the checked-in API schema and a realistic caseworker
 * screen's operation into TypeScript types and a typed document, and the screen's code type-checks
 * against them (strict). A schema change that breaks the screen, or an API schema codegen cannot read,
 * fails here. (From the running gateway's URL: tests/e2e/frontend-tools.e2e-spec.ts.)
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..', '..');

/**
 * Runs the generator in its own Node process, as a frontend build would (its plugins are ES modules,
 * which Node loads but jest's module sandbox does not): `schema` is a file or a gateway URL.
 */
export function generateClientTypes(schema: string, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-r', join(root, 'tools', 'ts-register.js'), join(__dirname, 'generate-client-types.ts'), schema],
      { cwd: root, env: { ...process.env, CODEGEN_HEADERS: JSON.stringify(headers) }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? reject(new Error(`codegen failed: ${stderr || error.message}`)) : resolve(stdout)),
    );
  });
}

/** Type-checks the screen against `generated` (strict); returns the compiler's messages. */
export function typeCheckScreen(generated: string): string[] {
  const dir = join(root, '.cache', `codegen-${randomBytes(4).toString('hex')}`); // inside the repository: resolves its node_modules
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(join(dir, 'generated.ts'), generated);
    copyFileSync(join(__dirname, 'frontend', 'client-overview.screen.ts'), join(dir, 'client-overview.screen.ts'));
    const program = ts.createProgram([join(dir, 'client-overview.screen.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      skipLibCheck: true,
      types: [],
    });
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('GraphQL Code Generator from the checked-in API schema', () => {
  let generated: string;
  beforeAll(async () => {
    generated = await generateClientTypes(join(root, 'gateway', 'api-schema.graphql'));
  }, 120_000); // a Node process of its own, and a strict type check below: seconds on a loaded machine

  it('generates the screen’s query, variables and typed document', () => {
    expect(generated).toContain('export type ClientOverviewQuery =');
    expect(generated).toContain('export type ClientOverviewQueryVariables =');
    expect(generated).toContain('export const ClientOverviewDocument =');
  });

  it('the screen type-checks against the generated types', () => {
    expect(typeCheckScreen(generated)).toEqual([]);
  }, 120_000);

  it('a screen that reads a field the schema does not have fails the check (the check can fail)', () => {
    const broken = generated.replace(/firstName\?: string \| null/g, 'givenName?: string | null').replace(/firstName: string \| null/g, 'givenName: string | null');
    expect(broken).not.toBe(generated);
    expect(typeCheckScreen(broken).join('\n')).toMatch(/firstName/);
  }, 120_000);
});

