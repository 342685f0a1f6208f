/**
 * GraphQL Code Generator (typescript-operations, which since v6 also writes the enums and inputs an operation uses, typed-document-node) for the caseworker
 * screen's operations in this folder, printed to stdout. The schema comes from a file or, given an
 * http(s) URL, from the running gateway by the standard introspection query (headers from
 * CODEGEN_HEADERS, a JSON object), as a frontend team's codegen would load it.
 *   node -r ./tools/ts-register.js tools/codegen/generate-client-types.ts gateway/api-schema.graphql
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codegen } from '@graphql-codegen/core';
import * as typedDocumentNode from '@graphql-codegen/typed-document-node';
import * as typescriptOperations from '@graphql-codegen/typescript-operations';
import { buildClientSchema, buildSchema, getIntrospectionQuery, GraphQLSchema, IntrospectionQuery, parse, printSchema } from 'graphql';

async function loadSchema(source: string): Promise<GraphQLSchema> {
  if (!/^https?:\/\//.test(source)) return buildSchema(readFileSync(source, 'utf8'));
  const headers = JSON.parse(process.env.CODEGEN_HEADERS || '{}') as Record<string, string>;
  const response = await fetch(source, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const body = (await response.json()) as { data?: IntrospectionQuery; errors?: { message: string }[] };
  if (!body.data) throw new Error(`introspection refused (${response.status}): ${body.errors?.map((error) => error.message).join('; ')}`);
  return buildClientSchema(body.data);
}

async function main(): Promise<void> {
  const schema = await loadSchema(process.argv[2] ?? 'gateway/api-schema.graphql');
  const document = parse(readFileSync(join(__dirname, 'frontend', 'client-overview.graphql'), 'utf8'));
  const output = await codegen({
    filename: 'generated.ts',
    schema: parse(printSchema(schema)),
    documents: [{ document, location: 'client-overview.graphql' }],
    plugins: [{ typescriptOperations: {} }, { typedDocumentNode: {} }],
    pluginMap: { typescriptOperations, typedDocumentNode },
    config: { useTypeImports: true, enumsAsTypes: true },
  });
  process.stdout.write(output);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
