import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiSchemaSdl, parseAcceptedBreaks, unacceptedBreakingChanges } from './api-schema';

const base = `
  type Query { client(id: ID!): Client }
  type Client { id: ID! age: Int! nickname: String @deprecated(reason: "use firstName") status: Status! }
  enum Status { ACTIVE CLOSED OLD @deprecated(reason: "gone") }
  input Filter { status: Status limit: Int }
`;
const change = (from: string, to: string) => base.replace(from, to);

describe('unacceptedBreakingChanges', () => {
  it.each([
    ['an added optional field', change('age: Int!', 'age: Int! lastName: String'), []],
    ['an added optional input field', change("limit: Int }", "limit: Int team: String }"), []],
    ['a deprecated field removed', change('nickname: String @deprecated(reason: "use firstName")', ''), []],
    ['a deprecated enum value removed', change('OLD @deprecated(reason: "gone")', ''), []],
    ['a field removed without deprecation', change('age: Int!', ''), ['Client.age was removed.']],
    ['a field made nullable', change('age: Int!', 'age: Int'), ['Client.age changed type from Int! to Int.']],
    ['an enum value removed without deprecation', change('ACTIVE ', ''), ['ACTIVE was removed from enum type Status.']],
    ['a required input field added', change("limit: Int }", "limit: Int team: String! }"), ['A required field team on input type Filter was added.']],
    ['a required argument added', change('client(id: ID!)', 'client(id: ID!, unit: ID!)'), ['A required arg unit on Query.client was added.']],
  ])('%s', (_label, next, expected) => {
    expect(unacceptedBreakingChanges(base, next, [])).toEqual(expected);
  });

  it('lets through a breaking change listed word for word with a reason, and only that one', () => {
    const next = change('age: Int!', 'age: Int').replace('ACTIVE ', '');
    const accepted = [{ change: 'Client.age changed type from Int! to Int.', reason: 'age may be refused on its own path', acceptedOn: '2026-12-03' }];
    expect(unacceptedBreakingChanges(base, next, accepted)).toEqual(['ACTIVE was removed from enum type Status.']);
  });
});

describe('parseAcceptedBreaks', () => {
  it.each([
    ['not an array', '{}'],
    ['no reason', '[{"change":"Client.age was removed.","reason":" ","acceptedOn":"2026-12-03"}]'],
    ['no date', '[{"change":"Client.age was removed.","reason":"why"}]'],
  ])('refuses %s', (_label, json) => {
    expect(() => parseAcceptedBreaks(json)).toThrow();
  });
});

describe('apiSchemaSdl of the checked-in supergraph', () => {
  const sdl = apiSchemaSdl(readFileSync(join(__dirname, '..', 'gateway', 'supergraph.graphql'), 'utf8'));

  it('has the graph without federation machinery', () => {
    expect(sdl).toContain('type Client');
    expect(sdl).toContain('type Query');
    expect(sdl).not.toMatch(/join__|link__|@link|@key|_entities|_Service/);
  });

  it('is the checked-in API schema', () => {
    expect(readFileSync(join(__dirname, '..', 'gateway', 'api-schema.graphql'), 'utf8')).toBe(sdl);
  });
});
