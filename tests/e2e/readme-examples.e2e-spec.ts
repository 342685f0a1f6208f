import { join } from 'node:path';
import { DEVELOPMENT_TOKEN_TTL_SECONDS, developmentIdentity } from '@asw/auth';
import { DEMO_SOCIAL_WORKER, seedDemoData } from '../../tools/demo-seed';
import { README_DOCUMENTS, ReadmeExample, readmeExamples, resolveVariables, UnresolvedPlaceholder } from '../../tools/readme-examples';
import { RunningGraph, startGraph } from '../support/graph.harness';

// Every example operation of every README, in the order a newcomer follows them, against the graph
// seeded as `npm start` seeds it: with the token the README says to make (as `npm run token` makes it:
// libs/auth developmentIdentity), the variables it gives, and the ids it says to take from earlier answers.
// What other services learn by events arrives a moment later: an operation refused meanwhile is tried
// again for a while, as a reader would.
const root = join(__dirname, '..', '..');
const examples: ReadmeExample[] = README_DOCUMENTS.flatMap((file) => readmeExamples(root, file));
const EVENTUAL_CODES = new Set(['FORBIDDEN', 'NOT_FOUND', 'CONFLICT']);
const PATIENCE_MS = 30_000;

interface Answer {
  example: ReadmeExample;
  variables: Record<string, unknown>;
  data: Record<string, unknown>;
}

describe('README examples, run as a newcomer follows them on a fresh `npm start`', () => {
  let graph: RunningGraph;
  const tokens = new Map<string, string>();
  /** Per README: response key → the latest answer that had it. */
  const answers = new Map<string, Map<string, Answer>>();

  beforeAll(async () => {
    graph = await startGraph();
    await seedDemoData(graph.subgraphs.case.config.DATABASE_URL, graph.url, await graph.token(DEMO_SOCIAL_WORKER, DEVELOPMENT_TOKEN_TTL_SECONDS));
  });
  afterAll(() => graph?.close());

  async function tokenFor(example: ReadmeExample): Promise<string> {
    const command = example.token!.command;
    if (!tokens.has(command)) {
      const result = developmentIdentity(example.token!.args);
      if ('problems' in result) throw new Error(`${command}: ${result.problems.join('; ')}`);
      tokens.set(command, await graph.token(result.identity, DEVELOPMENT_TOKEN_TTL_SECONDS));
    }
    return tokens.get(command)!;
  }

  const at = (value: unknown, path: Array<string | number>): unknown =>
    path.reduce<unknown>((current, part) => (current === null || current === undefined ? undefined : (current as Record<string | number, unknown>)[part]), value);

  /** The README's variables with the ids filled in; a list an earlier query answered empty is asked again until it is there (events). */
  async function variablesFor(example: ReadmeExample, deadline: number): Promise<Record<string, unknown>> {
    const known = answers.get(example.file) ?? new Map<string, Answer>();
    for (;;) {
      try {
        return resolveVariables(example.variables, (key, path) => at(known.get(key)?.data[key], path)) as Record<string, unknown>;
      } catch (error) {
        if (!(error instanceof UnresolvedPlaceholder)) throw error;
        const source = known.get(error.key);
        if (!source || source.example.document.definitions.some((definition) => definition.kind === 'OperationDefinition' && definition.operation !== 'query') || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
        const again = await graph.request(source.example.query, source.variables, await tokenFor(source.example));
        if (again.data) source.data = again.data;
      }
    }
  }

  it('found the examples', () => expect(examples.length).toBeGreaterThan(40));

  it.each(examples.map((example) => [`${example.file} example ${example.number} (line ${example.line})`, example] as const))('%s', async (_name, example) => {
    const deadline = Date.now() + PATIENCE_MS;
    const token = await tokenFor(example);
    const variables = await variablesFor(example, deadline);
    for (;;) {
      const response = await graph.request(example.query, variables, token);
      const errors = response.errors ?? [];
      const expected = example.expectedError;
      const answered = expected
        ? errors.length > 0 && errors.every((error) => error.extensions?.code === expected.code && (!expected.reason || JSON.stringify(error.extensions).includes(`"${expected.reason}"`)))
        : errors.length === 0 && response.data !== undefined;
      if (answered) {
        if (response.data) {
          const known = answers.get(example.file) ?? new Map<string, Answer>();
          answers.set(example.file, known);
          for (const key of example.answers) if (response.data[key] !== undefined && response.data[key] !== null) known.set(key, { example, variables, data: response.data });
        }
        return;
      }
      const eventual = errors.length > 0 && errors.every((error) => EVENTUAL_CODES.has(String(error.extensions?.code)));
      if (!eventual || Date.now() > deadline) {
        throw new Error(`${example.file}:${example.line} as ${example.token!.command}\n${example.query}\nvariables ${JSON.stringify(variables)}\nanswered ${JSON.stringify({ data: response.data, errors }, null, 2)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });
});
