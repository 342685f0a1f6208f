import { Inject, Optional } from '@nestjs/common';
import { Directive, Field, ID, ObjectType, Resolver, ResolveReference } from '@nestjs/graphql';
import { GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';
import type { GraphContext } from './graph-context';

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
 * A service whose users reach some of its client fields on another basis than a client relationship
 * (a benefits handler through the team's queue) provides this under `CLIENT_READ_GATE`. It admits the
 * caller (recording the basis with `ctx.access.admit`) or refuses; without it, a relationship is required.
 */
export interface ClientReadGate {
  admitRead(ctx: GraphContext, clientId: string, fields: string[]): Promise<void>;
}
export const CLIENT_READ_GATE = Symbol('CLIENT_READ_GATE');

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
    constructor(@Optional() @Inject(CLIENT_READ_GATE) private readonly gate?: ClientReadGate) {}

    /**
     * Every read of this service's data about a client comes through here, so it is checked here (a
     * client relationship, or the service's gate; whoever built the `_entities` call) and logged here.
     */
    @ResolveReference()
    async resolveReference(reference: { id: string }, ctx: GraphContext, info?: GraphQLResolveInfo): Promise<ClientReference> {
      const fields = requestedClientFields(info);
      if (fields.length > 0) {
        if (this.gate) await this.gate.admitRead(ctx, reference.id, fields);
        else await ctx.relationships.require(reference.id, 'READ', ...fields);
        ctx.access.read(reference.id, ...fields);
      }
      return { id: reference.id };
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
