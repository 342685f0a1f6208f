/**
 * The README examples as a newcomer follows them (tests/e2e/readme-examples.e2e-spec.ts runs them against
 * the graph `npm start` seeds; tools/readme-examples.spec.ts checks them against the schema). A README says,
 * in words a reader follows too:
 * - which token: the last `TOKEN=$(npm run -s token -- --role …)` before the example (the same arguments
 *   `npm run token` takes);
 * - which variables: the last ```json block before a ```graphql block (as a reader's Variables pane keeps them); a value `"<registerClient.id>"` is
 *   the `id` in the latest answer that had `registerClient` (a field, or an alias) at its top, e.g.
 *   `"<createRehabilitationGroup.sessions[0].id>"`; anything else is given as it is;
 * - an error it shows on purpose: a comment above the operation saying `answers CODE (REASON)`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DocumentNode, Kind, OperationDefinitionNode, parse, print } from 'graphql';

export const README_DOCUMENTS = ['README.md', 'services/case/README.md', 'services/housing-support/README.md', 'services/group-activity/README.md', 'services/benefits-handling/README.md'];

export interface TokenArgs {
  roles?: string[];
  partner?: string;
  user?: string;
  team?: string;
  org?: string;
}

export interface ReadmeExample {
  file: string;
  /** 1-based, in the file's order. */
  number: number;
  line: number;
  /** The whole operation (with the block's fragments), as printed by graphql-js. */
  query: string;
  document: DocumentNode;
  /** The operation's variables as the README gives them (placeholders unresolved). */
  variables: Record<string, unknown>;
  /** The variables the operation declares. */
  declared: string[];
  /** The response keys at the top of the answer (fields or aliases), which later placeholders name. */
  answers: string[];
  /** From the last `TOKEN=$(npm run -s token -- …)` before the example; undefined: the README names none. */
  token?: { command: string; args: TokenArgs };
  /** An error the README says the operation answers. */
  expectedError?: { code: string; reason?: string };
}

const TOKEN_COMMAND = /TOKEN=\$\(npm run -s token -- ([^)]*)\)/g;

export function tokenArgs(command: string): TokenArgs {
  const { values } = parseArgs({
    args: command.trim().split(/\s+/),
    options: { role: { type: 'string', multiple: true }, partner: { type: 'string' }, user: { type: 'string' }, team: { type: 'string' }, org: { type: 'string' } },
  });
  return { roles: values.role, partner: values.partner, user: values.user, team: values.team, org: values.org };
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

export function readmeExamples(root: string, file: string): ReadmeExample[] {
  const text = readFileSync(join(root, file), 'utf8');
  const tokens = [...text.matchAll(TOKEN_COMMAND)].map((match) => ({ index: match.index!, command: match[1] }));
  const tokenAt = (index: number) => {
    const last = tokens.filter((token) => token.index < index).pop();
    return last && { command: last.command, args: tokenArgs(last.command) };
  };
  const found: Array<Omit<ReadmeExample, 'number'>> = [];
  let lastJson: { value: Record<string, unknown> } | undefined;
  const fences = /```(\w*)\n([\s\S]*?)```/g;
  const curls = [...text.matchAll(/-d '(\{"query":.*?\})'/g)].map((match) => ({ index: match.index!, body: match[1] }));
  const events: Array<{ index: number; kind: 'fence'; lang: string; body: string; end: number; bodyStart: number } | { index: number; kind: 'curl'; body: string }> = [
    ...[...text.matchAll(fences)].map((match) => ({ index: match.index!, kind: 'fence' as const, lang: match[1], body: match[2], end: match.index! + match[0].length, bodyStart: match.index! + match[1].length + 4 })),
    ...curls.map((curl) => ({ ...curl, kind: 'curl' as const })),
  ].sort((a, b) => a.index - b.index);
  for (const event of events) {
    if (event.kind === 'fence' && event.lang === 'json') {
      lastJson = { value: JSON.parse(event.body) as Record<string, unknown> };
      continue;
    }
    if (event.kind === 'curl') {
      const query = (JSON.parse(event.body) as { query: string }).query;
      for (const example of examplesOf(query, '')) found.push({ ...example, file, line: lineOf(text, event.index), variables: {}, token: tokenAt(event.index) });
      continue;
    }
    if (event.lang !== 'graphql') continue;
    const variables = lastJson ? lastJson.value : {};
    for (const example of examplesOf(event.body, event.body)) {
      const index = event.bodyStart + example.offset;
      found.push({ ...example, file, line: lineOf(text, index), variables: pick(variables, example.declared), token: tokenAt(index) });
    }
  }
  return found.map((example, index) => ({ ...example, number: index + 1 }));
}

function pick(variables: Record<string, unknown>, names: string[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((name) => name in variables).map((name) => [name, variables[name]]));
}

/** A block may hold a walk-through of several operations: each runs on its own, with the block's fragments. */
function examplesOf(source: string, commentSource: string) {
  const { definitions } = parse(source);
  const fragments = definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  const operations = definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  return operations.map((operation, index) => {
    const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
    const start = operation.loc?.start ?? 0;
    const previousEnd = index > 0 ? (operations[index - 1].loc?.end ?? 0) : 0;
    const comments = commentSource.slice(previousEnd, start);
    const expected = /answers ([A-Z][A-Z_]+)(?: \(([A-Z][A-Z_]+)\))?/.exec(comments);
    return {
      offset: start,
      query: print(document),
      document,
      declared: (operation.variableDefinitions ?? []).map((definition) => definition.variable.name.value),
      answers: operation.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [(selection.alias ?? selection.name).value] : [])),
      expectedError: expected ? { code: expected[1], reason: expected[2] } : undefined,
    };
  });
}

const PLACEHOLDER = /^<([A-Za-z_]\w*)((?:\.\w+|\[\d+\])*)>$/;

/** The placeholders in a README's variables: `<registerClient.id>` → { key: 'registerClient', path: ['id'] }. */
export function placeholders(value: unknown): Array<{ key: string; path: Array<string | number> }> {
  if (typeof value === 'string') {
    const match = PLACEHOLDER.exec(value);
    return match ? [{ key: match[1], path: [...match[2].matchAll(/\.(\w+)|\[(\d+)\]/g)].map((part) => (part[1] !== undefined ? part[1] : Number(part[2]))) }] : [];
  }
  if (Array.isArray(value)) return value.flatMap(placeholders);
  if (value && typeof value === 'object') return Object.values(value).flatMap(placeholders);
  return [];
}

/** Fills the placeholders from `lookup` (undefined: not in the answers yet). */
export function resolveVariables(value: unknown, lookup: (key: string, path: Array<string | number>) => unknown): unknown {
  if (typeof value === 'string') {
    const [placeholder] = placeholders(value);
    if (!placeholder) return value;
    const resolved = lookup(placeholder.key, placeholder.path);
    if (resolved === undefined || resolved === null) throw new UnresolvedPlaceholder(value, placeholder.key);
    return resolved;
  }
  if (Array.isArray(value)) return value.map((item) => resolveVariables(item, lookup));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveVariables(item, lookup)]));
  return value;
}

export class UnresolvedPlaceholder extends Error {
  constructor(
    readonly placeholder: string,
    readonly key: string,
  ) {
    super(`${placeholder} is not in any earlier answer`);
  }
}
