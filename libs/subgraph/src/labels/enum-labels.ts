import { GraphQLSchema, isEnumType } from 'graphql';
import { ENUM_LABELS, Labels } from './enum-labels.data';

export { ENUM_LABELS } from './enum-labels.data';
export type { LabelLanguage, Labels } from './enum-labels.data';

/** How a value's labels read in the schema (the IDE, codegen's comments): Finnish first. */
export function labelDescription(labels: Labels): string {
  return `${labels.fi} · sv: ${labels.sv} · en: ${labels.en}`;
}

/**
 * Writes the labels into the schema as every labelled enum value's description, so introspection,
 * the IDE and generated client code show them. Applied by each subgraph to its own schema (the
 * GraphQL module's transformSchema); values without labels keep what they had.
 */
export function describeEnumValues(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isEnumType(type) || type.name.startsWith('__')) continue;
    const labels = ENUM_LABELS[type.name];
    if (!labels) continue;
    for (const value of type.getValues()) {
      const entry = labels[value.name];
      if (entry) value.description = labelDescription(entry);
    }
  }
  return schema;
}

/** The labels of the enums in `schema` (sorted), for frontends: { Enum: { VALUE: { fi, sv, en } } }. */
export function enumLabelsOf(schema: GraphQLSchema): Record<string, Record<string, Labels>> {
  const result: Record<string, Record<string, Labels>> = {};
  const enums = Object.values(schema.getTypeMap()).filter(isEnumType).filter((type) => !type.name.startsWith('__'));
  for (const type of enums.sort((a, b) => a.name.localeCompare(b.name))) {
    const labels = ENUM_LABELS[type.name] ?? {};
    result[type.name] = Object.fromEntries(type.getValues().flatMap((value) => (labels[value.name] ? [[value.name, labels[value.name]]] : [])));
  }
  return result;
}

/** `Enum.VALUE` of every enum value in `schema` that has no labels. */
export function unlabelledEnumValues(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter(isEnumType)
    .filter((type) => !type.name.startsWith('__'))
    .flatMap((type) => type.getValues().filter((value) => !ENUM_LABELS[type.name]?.[value.name]).map((value) => `${type.name}.${value.name}`));
}
