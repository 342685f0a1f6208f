import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isLocalDate, LocalDate } from '@asw/calendar';

function parse(value: unknown): LocalDate {
  if (!isLocalDate(value)) {
    throw new GraphQLError('must be a date as YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

/**
 * A calendar date without time or zone (ISO 8601 YYYY-MM-DD), as Finnish law counts days: due
 * dates, decision dates, validity periods. Invalid dates (2026-02-30) are refused as BAD_USER_INPUT.
 */
export const LocalDateScalar = new GraphQLScalarType<LocalDate, string>({
  name: 'LocalDate',
  description: 'Päivämäärä: a calendar date (YYYY-MM-DD) without time or time zone.',
  // DATE columns arrive as strings (subgraph.app sets pg's DATE parser), never as zoned Date objects.
  serialize: (value) => parse(value),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('must be a date string as YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
    return parse(ast.value);
  },
});
