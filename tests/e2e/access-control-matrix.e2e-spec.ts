import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  isInterfaceType,
} from 'graphql';
import { Identity, PARTNERS, USER_ROLES } from '@asw/auth';
import { RunningGraph, startGraph } from '../support/graph.harness';

/**
 * The authorization matrix (issue #13): every query and mutation field of the composed supergraph ×
 * every role and partner, asked by a caller WITHOUT any relationship, about ids that name nothing
 * (so every existing-record check answers as for a record out of reach). Expected: FORBIDDEN, or an
 * answer (data, or a non-access error such as BAD_USER_INPUT / CONFLICT). The field list is read from
 * `gateway/supergraph.graphql`, so a new operation without a row fails this test. The columns "with
 * each kind of relationship" (named worker, co-worker, supervisor, queue, facilitator, justified,
 * intake-only case) are the attack suite's (access-control.e2e-spec.ts) and each service's int-specs.
 * Set MATRIX_PRINT=1 to print the observed table.
 */
type Caller = (typeof USER_ROLES)[number] | (typeof PARTNERS)[number];
const CALLERS: Caller[] = [...USER_ROLES, ...PARTNERS];

/** Who gets an answer (not FORBIDDEN) without a relationship; everyone else: FORBIDDEN. */
const WORKERS: Caller[] = ['SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR', 'PRACTICAL_NURSE', 'CLIENT_ADVISOR', 'SUPERVISOR'];
const NONE: Caller[] = [];

/**
 * Who gets an answer (not FORBIDDEN) without a relationship and about ids that name nothing; every other
 * caller gets FORBIDDEN. Operations that name a client's record answer FORBIDDEN to everyone here (an
 * unknown id is refused like one out of reach); lists answer (filtered); unit work answers by role.
 */
const EXPECTED: Record<string, Caller[]> = {
  'query incomeSupportApplication': NONE,
  'query incomeSupportQueue': ['SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR', 'BENEFITS_HANDLER', 'SUPERVISOR'],
  'query forwardedApplicationStatus': NONE,
  'query incomeSupportRate': ['SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR', 'BENEFITS_HANDLER', 'CLIENT_ADVISOR', 'SUPERVISOR'],
  'query incomeSupportRates': ['SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR', 'BENEFITS_HANDLER', 'CLIENT_ADVISOR', 'SUPERVISOR'],
  'query incomeSupportMonthlyReport': ['BENEFITS_HANDLER', 'SUPERVISOR'],
  'query accessRefusals': ['AUDITOR'],
  'query clientAccessReport': ['AUDITOR'],
  'query intakeReference': NONE,
  'query client': NONE,
  'query clients': ['SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR', 'PRACTICAL_NURSE', 'BENEFITS_HANDLER', 'CLIENT_ADVISOR', 'SUPERVISOR'],
  'query workers': ['SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR', 'PRACTICAL_NURSE', 'BENEFITS_HANDLER', 'CLIENT_ADVISOR', 'SUPERVISOR'],
  'query case': NONE,
  'query caseQueue': ['SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR', 'PRACTICAL_NURSE', 'BENEFITS_HANDLER', 'CLIENT_ADVISOR', 'SUPERVISOR'],
  'query contactStatistics': ['SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR', 'PRACTICAL_NURSE', 'BENEFITS_HANDLER', 'CLIENT_ADVISOR', 'SUPERVISOR'],
  'query sharedActivationPlans': NONE,
  'query sharedActivationPlan': NONE,
  'query justifiedAccesses': ['AUDITOR'],
  'query rehabilitationGroup': ['SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR', 'PRACTICAL_NURSE', 'SUPERVISOR'],
  'query rehabilitationGroups': ['SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR', 'PRACTICAL_NURSE', 'SUPERVISOR'],
  'query housingSupportPeriod': NONE,
  'query housingSupportPeriods': ['SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR', 'PRACTICAL_NURSE', 'SUPERVISOR'],
  'mutation registerIncomeSupportApplication': ['BENEFITS_HANDLER'],
  'mutation confirmIncomeSupportApplication': NONE,
  'mutation requestIncomeSupportCompletion': NONE,
  'mutation resolveIncomeSupportCompletion': NONE,
  'mutation assignIncomeSupportApplication': NONE,
  'mutation submitKelaNotice': NONE,
  'mutation forwardIncomeSupportApplication': NONE,
  'mutation decideIncomeSupportApplication': NONE,
  'mutation correctIncomeSupportDecision': NONE,
  'mutation recordIncomeSupportDecisionDelivery': NONE,
  'mutation recordIncomeSupportDecisionAppeal': NONE,
  'mutation resolveIncomeSupportDecisionAppeal': NONE,
  'mutation scheduleIncomeSupportPayments': NONE,
  'mutation createIncomeSupportPaymentBatch': ['BENEFITS_HANDLER', 'SUPERVISOR'],
  'mutation recordRecoveryClaim': NONE,
  'mutation applyRecoveryClaimToCourt': NONE,
  'mutation recordRecoveryCourtDecision': NONE,
  'mutation registerClient': WORKERS,
  'mutation updateClientDetails': NONE,
  'mutation registerWorker': ['SUPERVISOR'],
  'mutation openCase': WORKERS,
  'mutation startAssessment': NONE,
  'mutation completeAssessment': NONE,
  'mutation activateCase': NONE,
  'mutation closeCase': NONE,
  'mutation assignResponsibleWorker': NONE,
  'mutation makeServiceDecision': NONE,
  'mutation draftServiceDecision': NONE,
  'mutation signServiceDecision': NONE,
  'mutation recordServiceDecisionDelivery': NONE,
  'mutation recordServiceDecisionAppeal': NONE,
  'mutation resolveServiceDecisionAppeal': NONE,
  'mutation recordContact': NONE,
  'mutation makeClientPlan': NONE,
  'mutation reviewClientPlan': NONE,
  'mutation recordEurohisMeasurement': NONE,
  'mutation recordActivationFacts': NONE,
  'mutation draftActivationPlan': NONE,
  'mutation shareActivationPlan': NONE,
  'mutation signActivationPlan': NONE,
  'mutation coSignActivationPlan': NONE,
  'mutation accessClientWithJustification': ['SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR', 'PRACTICAL_NURSE', 'BENEFITS_HANDLER', 'CLIENT_ADVISOR', 'SUPERVISOR'],
  'mutation createRehabilitationGroup': ['SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR', 'PRACTICAL_NURSE', 'SUPERVISOR'],
  'mutation setGroupFacilitators': NONE,
  'mutation enrollInGroup': NONE,
  'mutation leaveGroup': NONE,
  'mutation changeGroupCapacity': NONE,
  'mutation recordGroupAttendance': NONE,
  'mutation planHousingSupportPeriod': NONE,
  'mutation startHousingSupportPeriod': NONE,
  'mutation endHousingSupportPeriod': NONE,
  'mutation recordHousingSupportOutcome': NONE,
  'mutation recordSupportVisit': NONE,
  'mutation openPaymentIntermediaryAccount': NONE,
  'mutation closePaymentIntermediaryAccount': NONE,
  'mutation startSublease': NONE,
  'mutation endSublease': NONE,
  'mutation reportRentArrears': NONE,
  'mutation agreeRepaymentPlan': NONE,
  'mutation recordRepayment': NONE,
};

const UNKNOWN_ID = '00000000-0000-4000-8000-00000000a0a0';

function supergraphSchema(): GraphQLSchema {
  return buildSchema(readFileSync(join(__dirname, '../../gateway/supergraph.graphql'), 'utf8'), { assumeValidSDL: true });
}

/** A value for an argument or input field of this type: ids that name nothing, today, the first enum value. */
function valueFor(type: GraphQLInputType, name: string, depth = 0): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, name, depth);
  if (isListType(type)) return [valueFor(type.ofType, name, depth)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined && depth < 4) value[field.name] = valueFor(field.type, field.name, depth + 1);
    }
    return value;
  }
  const now = Date.now();
  switch (type.name) {
    case 'ID':
      return UNKNOWN_ID;
    case 'Int':
      return 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'LocalDate':
      return new Date(now).toISOString().slice(0, 10);
    case 'DateTime':
      return new Date(name === 'to' ? now + 3600_000 : now - 3600_000).toISOString();
    default:
      return 'matrix';
  }
}

/** A document asking for one root field with every required argument as a variable, selecting only __typename. */
function documentFor(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): { query: string; variables: Record<string, unknown> } {
  const args = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  const definitions = args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const call = args.length > 0 ? `(${args.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : '';
  const named = getNamedType(field.type);
  const selection = isObjectType(named) || isUnionType(named) || isInterfaceType(named) ? ' { __typename }' : '';
  return {
    query: `${operation} Matrix${definitions ? `(${definitions})` : ''} { ${field.name}${call}${selection} }`,
    variables: Object.fromEntries(args.map((arg) => [arg.name, valueFor(arg.type, arg.name)])),
  };
}

const identityOf = (caller: Caller): Identity =>
  (PARTNERS as readonly string[]).includes(caller)
    ? { kind: 'partner', partner: caller as (typeof PARTNERS)[number], clientId: `matrix-${caller.toLowerCase()}`, organisation: caller }
    : { kind: 'user', userId: `matrix-${caller.toLowerCase()}`, roles: [caller as (typeof USER_ROLES)[number]], team: 'team-matrix', organisation: 'test-county' };

describe('authorization matrix: every operation of the supergraph × every role and partner, without a relationship', () => {
  let graph: RunningGraph;
  const schema = supergraphSchema();
  const operations = (['query', 'mutation'] as const).flatMap((operation) => {
    const root = (operation === 'query' ? schema.getQueryType() : schema.getMutationType()) as GraphQLObjectType;
    return Object.values(root.getFields()).map((field) => ({ key: `${operation} ${field.name}`, operation, field }));
  });

  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph?.close());

  it('has a row for every operation of the supergraph, and none for an operation that is gone', () => {
    expect(operations.map((o) => o.key).filter((key) => !(key in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((key) => !operations.some((o) => o.key === key))).toEqual([]);
  });

  it('answers each caller as its row says: FORBIDDEN, or an answer', async () => {
    const tokens = Object.fromEntries(await Promise.all(CALLERS.map(async (caller) => [caller, await graph.token(identityOf(caller))] as const)));
    const observed: Record<string, Caller[]> = {};
    const failures: Array<{ key: string; caller: Caller; code: unknown; message: string }> = [];
    for (const { key, operation, field } of operations) {
      const { query, variables } = documentFor(operation, field);
      observed[key] = [];
      for (const caller of CALLERS) {
        const response = await graph.request(query, variables, tokens[caller]);
        const forbidden = (response.errors ?? []).some((error) => error.extensions?.code === 'FORBIDDEN');
        const unexpected = (response.errors ?? []).find((error) => ['INTERNAL_SERVER_ERROR', 'GRAPHQL_VALIDATION_FAILED', 'UNAUTHENTICATED'].includes(String(error.extensions?.code)));
        // A document the matrix built wrongly, or a crash, is a failure of its own, never counted as an answer.
        if (unexpected) failures.push({ key, caller, code: unexpected.extensions?.code, message: unexpected.message });
        else if (!forbidden) observed[key].push(caller);
      }
    }
    if (process.env.MATRIX_PRINT) process.stdout.write(`MATRIX ${JSON.stringify({ observed, failures })}\n`);
    expect(failures).toEqual([]);
    for (const { key } of operations) expect({ key, answered: observed[key] }).toEqual({ key, answered: EXPECTED[key] ?? [] });
  });
});
