/**
 * The client-facing API schema (what frontends and codegen see: the supergraph without federation's
 * join/link machinery) and the breaking-change rule that guards it.
 *
 * A change that can break an existing client operation (graphql-js `findBreakingChanges`: a field,
 * argument, enum value or type removed, a field made nullable or changed, a required argument or input
 * field added) is refused, unless
 * - what was removed was marked `@deprecated` in the previous version (clients were told first), or
 * - it is listed, word for word, with a reason in `gateway/api-schema.accepted-breaks.json`.
 */
import { execFileSync } from 'node:child_process';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, findBreakingChanges, GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, lexicographicSortSchema, printSchema } from 'graphql';

export const API_SCHEMA_FILE = 'gateway/api-schema.graphql';
export const ACCEPTED_BREAKS_FILE = 'gateway/api-schema.accepted-breaks.json';

export interface AcceptedBreak {
  /** The change as `findBreakingChanges` words it, e.g. "Client.age was removed." */
  change: string;
  reason: string;
  acceptedOn: string;
}

/** The API schema of a composed supergraph, printed in a stable (sorted) order. */
export function apiSchemaSdl(supergraphSdl: string): string {
  const api = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  return `${printSchema(lexicographicSortSchema(api)).trim()}\n`;
}

function isDeprecatedIn(schema: GraphQLSchema, typeName: string, member: string): boolean {
  const type = schema.getType(typeName);
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) return Boolean(type.getFields()[member]?.deprecationReason);
  if (isEnumType(type)) return Boolean(type.getValue(member)?.deprecationReason);
  return false;
}

/** What was removed, when a change is a removal: `Type.field was removed.` / `VALUE was removed from enum type Type.` */
function removedMember(description: string): { typeName: string; member: string } | undefined {
  const field = /^(\w+)\.(\w+) was removed\.$/.exec(description);
  if (field) return { typeName: field[1], member: field[2] };
  const value = /^(\w+) was removed from enum type (\w+)\.$/.exec(description);
  if (value) return { typeName: value[2], member: value[1] };
  return undefined;
}

/** The breaking changes from `previousSdl` to `nextSdl` that were neither deprecated first nor accepted. */
export function unacceptedBreakingChanges(previousSdl: string, nextSdl: string, accepted: readonly AcceptedBreak[]): string[] {
  const previous = buildSchema(previousSdl);
  const next = buildSchema(nextSdl);
  const acceptedChanges = new Set(accepted.map((entry) => entry.change));
  return findBreakingChanges(previous, next)
    .map((change) => change.description)
    .filter((description) => {
      if (acceptedChanges.has(description)) return false;
      const removed = removedMember(description);
      return !(removed && isDeprecatedIn(previous, removed.typeName, removed.member));
    });
}

export function parseAcceptedBreaks(json: string): AcceptedBreak[] {
  const entries = JSON.parse(json) as unknown;
  if (!Array.isArray(entries)) throw new Error(`${ACCEPTED_BREAKS_FILE} must be a JSON array`);
  for (const entry of entries as Partial<AcceptedBreak>[]) {
    if (typeof entry?.change !== 'string' || typeof entry.reason !== 'string' || !entry.reason.trim() || typeof entry.acceptedOn !== 'string') {
      throw new Error(`${ACCEPTED_BREAKS_FILE}: every entry needs "change", a non-empty "reason" and "acceptedOn"`);
    }
  }
  return entries as AcceptedBreak[];
}

/**
 * Every committed version of the API schema, oldest first (the first-parent history of the file), so
 * that the check covers each step a client could have seen, not only the last commit. Empty outside a
 * git checkout.
 */
export function committedApiSchemas(root: string): { commit: string; sdl: string }[] {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  let commits: string[];
  try {
    commits = git('log', '--first-parent', '--format=%H', '--', API_SCHEMA_FILE).split('\n').filter(Boolean).reverse();
  } catch {
    return [];
  }
  return commits.flatMap((commit) => {
    try {
      return [{ commit, sdl: git('show', `${commit}:${API_SCHEMA_FILE}`) }];
    } catch {
      return []; // the commit deleted the file
    }
  });
}
