import { Directive, Field, ID, ObjectType, Resolver, ResolveReference } from '@nestjs/graphql';

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
    @ResolveReference()
    resolveReference(reference: { id: string }): ClientReference {
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
