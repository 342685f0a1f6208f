import { Directive, Field, ID, ObjectType, Resolver, ResolveReference } from '@nestjs/graphql';
import { GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';
import { isUuid } from '@asw/platform';
import type { GraphContext } from './graph-context';
import { noRelationship } from './relationships/client-relationships';

/** The Client fields this request asks of this subgraph (under `... on Client` in `_entities`). */
export function requestedClientFields(info: GraphQLResolveInfo | undefined): string[] {
  const fields = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined, onClient: boolean) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD && onClient && !['id', '__typename'].includes(selection.name.value)) fields.add(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, onClient || selection.typeCondition?.name.value === 'Client');
    }
  };
  for (const node of info?.fieldNodes ?? []) visit(node.selectionSet, false);
  return [...fields];
}

/**
 * The `Client` entity as the services that extend it see it: only its key, owned by `case`.
 * A factory, not a module-level class, so the case service (which owns the real `Client` type)
 * never registers this one by importing the library.
 */
export function clientReferenceType() {
  @ObjectType('Client')
  @Directive('@key(fields: "id")')
  class ClientReference {
    @Field(() => ID)
    id: string;
  }

  @Resolver(() => ClientReference)
  class ClientReferenceResolver {
    /**
     * Only the key: each of this service's `Client` fields declares its own access (`@Access` with
     * `subject: clientField`), so a field the caller may not read fails on its own path and the others
     * still answer (issue #15). An id that is not a uuid names no client: refused like a forbidden one.
     */
    @ResolveReference()
    resolveReference(reference: { id: string }, ctx: GraphContext): ClientReference {
      if (!isUuid(reference.id)) {
        ctx.access.refused(null, 'READ', 'no client relationship');
        throw noRelationship();
      }
      return { id: reference.id.toLowerCase() };
    }
  }

  return { ClientReference, ClientReferenceResolver };
}

/** Orders batch-loaded rows by the keys asked for: every key gets its (possibly empty) list. */
export function groupByKey<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}
