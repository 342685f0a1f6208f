import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { from, lastValueFrom, Observable } from 'rxjs';
import type { Partner, UserIdentity, UserRole } from '@asw/auth';
import { DomainError, forbidden } from '@asw/platform';
import type { AccessAction } from '../access-log/access-recorder';
import type { GraphContext } from '../graph-context';
import { parseId } from '../ids';
import { noRelationship } from '../relationships/client-relationships';

/** What a rule sees of one resolver call: its named arguments, its parent object and the request. */
export interface AccessCall<P = any, A = Record<string, any>> {
  args: A;
  parent: P;
  ctx: GraphContext;
}

/** The client a call (or a list item) concerns, with what the service's bases need (a case, a queue, a group). */
export interface AccessSubject {
  /** The client whose data it is; null for the unit's own data (a group): authorized, but nothing logged under a client. */
  clientId: string | null;
  caseId?: string;
  [scope: string]: unknown;
}

/** A basis: the access-log basis it gives the caller for the subject, or null when it does not admit. */
export type BasisCheck = (ctx: GraphContext, subject: AccessSubject) => Promise<string | null> | string | null;

/**
 * The bases every service has (libs/subgraph):
 * - `relationship`: a client-wide relationship (named worker, co-worker, team supervisor) or an access
 *   with justification in force;
 * - `case`: working on the subject's case (`subject.caseId`), also a case opened on intake only;
 * - `anyCase`: working on some case of the client (the client's basic details);
 * - `role`: the caller's role alone (intake, registration: said where used);
 * - `admitted`: the basis this request was already admitted on for the client, where the parent object
 *   was loaded (a field on a record a list or query admitted): nothing new is opened by it.
 */
export const LIBRARY_BASES: Record<string, BasisCheck> = {
  relationship: (ctx, { clientId }) => (clientId ? ctx.relationships.basisFor(clientId) : null),
  admitted: (ctx, { clientId }) => (clientId ? ctx.access.heldBasis(clientId) : null),
  case: (ctx, { clientId, caseId }) => (!clientId ? null : caseId ? ctx.relationships.caseBasisFor(clientId, caseId) : ctx.relationships.basisFor(clientId)),
  anyCase: (ctx, { clientId }) => (clientId ? ctx.relationships.anyCaseBasisFor(clientId) : null),
  role: (ctx) => (ctx.identity.kind === 'user' ? `role:${ctx.identity.roles.join('+')}` : `partner:${ctx.identity.partner}`),
};

/**
 * What one operation needs, declared on its resolver (`@Access({...})`): who may call it, which data
 * categories it reads or changes, the client it concerns and the bases that admit that client. The
 * mechanism authorizes before the resolver runs, filters list results, and records the access-log
 * entry (the read or the change, on the basis found; a refusal with its reason), so no resolver does
 * any of it by hand.
 */
export interface AccessRule {
  /** Users in one of these roles may call it; with `partner`, that partner only. Empty/absent: any user. */
  roles?: readonly UserRole[];
  partner?: Partner;
  action: AccessAction;
  /** The service's data categories the call reads or changes (`housingSupport` → `housing-support:housingSupport`). */
  categories: readonly string[];
  /** The client the call concerns; null when the id names nothing (answered as a forbidden one). Absent: no client data. */
  subject?: (call: AccessCall) => Promise<AccessSubject | null> | AccessSubject | null;
  /** A list result: each item's subject (it may use the call, e.g. the parent group); the items the caller may not reach are left out, the rest recorded. */
  each?: (item: any, call: AccessCall) => Promise<AccessSubject> | AccessSubject;
  /**
   * A field computed over a list (e.g. an attendance rate): the resolver returns the list, the mechanism
   * filters and records it with `each`, and the field answers `summary(kept items)`.
   */
  summary?: (kept: any[]) => unknown;
  /** The bases that admit each item of a list (default: `bases`), e.g. the application's own queue where the subject's basis is "a client with an application in the queue". */
  eachBases?: readonly string[];
  /** Bases that admit the subject, tried in order: the library's or the service's policy table's. Default `relationship`. */
  bases?: readonly string[];
  /**
   * For a subject that is no client's (a group): the refusal's message, the same for an unknown id and
   * one out of reach (details.reason NO_ACCESS_BASIS). Client subjects are refused as without a relationship.
   */
  refusal?: string;
}

/** A service's policy table: its own bases, besides the library's. */
export interface AccessPolicyTable {
  service: string;
  bases?: Record<string, BasisCheck>;
}

interface Declared {
  rule: AccessRule;
  table: AccessPolicyTable;
}

export const ACCESS_RULE = Symbol('ACCESS_RULE');

/** The reason a role refusal carries (details.reason). */
export const ROLE_NOT_ALLOWED = 'ROLE_NOT_ALLOWED';
/** The reason a refusal of a record that is no client's carries. */
export const NO_ACCESS_BASIS = 'NO_ACCESS_BASIS';

/** Every rule declared, by resolver class and method: what the authorization matrix reads. */
export const DECLARED_RULES: Array<{ service: string; target: string; method: string; rule: AccessRule }> = [];

function roleRefusal(ctx: GraphContext, rule: AccessRule): DomainError {
  const message = rule.partner
    ? `This operation is only for ${rule.partner}`
    : ctx.identity.kind === 'user' && rule.roles?.length
      ? `This operation needs one of the roles ${rule.roles.join(', ')}`
      : 'This operation is for the county’s own workers';
  return new DomainError('FORBIDDEN', message, { reason: ROLE_NOT_ALLOWED });
}

/** Whether the caller's role (or partner) may call the operation at all. */
export function roleAdmits(ctx: GraphContext, rule: AccessRule): boolean {
  const identity = ctx.identity;
  if (rule.partner) return identity.kind === 'partner' && identity.partner === rule.partner;
  if (identity.kind !== 'user') return false;
  return !rule.roles || rule.roles.length === 0 || identity.roles.some((role) => rule.roles!.includes(role));
}

/** The first basis of the rule that admits the subject, or null. */
export async function basisOf(ctx: GraphContext, table: AccessPolicyTable, rule: AccessRule, subject: AccessSubject, bases = rule.bases): Promise<string | null> {
  for (const name of bases ?? ['relationship']) {
    const check = table.bases?.[name] ?? LIBRARY_BASES[name];
    if (!check) throw new Error(`${table.service}: no access basis named ${name}`);
    const basis = await check(ctx, subject);
    if (basis) return basis;
  }
  return null;
}

/** Authorizes one call as the rule says, records refusals, and returns the admitted subject (null: no client data). */
export async function authorizeCall(call: AccessCall, table: AccessPolicyTable, rule: AccessRule): Promise<AccessSubject | null> {
  const { ctx } = call;
  if (!roleAdmits(ctx, rule)) {
    const refusal = roleRefusal(ctx, rule);
    ctx.access.refused(null, rule.action, refusal.message, ...rule.categories);
    throw refusal;
  }
  if (!rule.subject) return null;
  const subject = await rule.subject(call);
  const refuse = (): never => {
    ctx.access.refused(subject?.clientId ?? null, rule.action, rule.refusal ? `no basis: needs ${(rule.bases ?? ['relationship']).join(' or ')}` : 'no client relationship', ...rule.categories);
    throw rule.refusal ? new DomainError('FORBIDDEN', rule.refusal, { reason: NO_ACCESS_BASIS }) : noRelationship();
  };
  if (!subject) return refuse();
  const basis = await basisOf(ctx, table, rule, subject);
  if (!basis) return refuse();
  if (subject.clientId) ctx.access.admit(subject.clientId, basis);
  return subject;
}

/** Records what an admitted call read or changed. */
function record(ctx: GraphContext, rule: AccessRule, clientId: string | null): void {
  if (!clientId) return;
  if (rule.action === 'READ') ctx.access.read(clientId, ...rule.categories);
  else ctx.access.changed(clientId, ...rule.categories);
}

/** Keeps the list items whose client the caller reaches on one of the rule's bases, each recorded. */
export async function filterList<T>(call: AccessCall, table: AccessPolicyTable, rule: AccessRule, items: readonly T[]): Promise<T[]> {
  const { ctx } = call;
  const subjects = await Promise.all(items.map((item) => rule.each!(item, call)));
  const bases = await Promise.all(subjects.map((subject) => basisOf(ctx, table, rule, subject, rule.eachBases ?? rule.bases)));
  const kept: T[] = [];
  items.forEach((item, index) => {
    const basis = bases[index];
    if (!basis) return;
    if (subjects[index].clientId) ctx.access.admit(subjects[index].clientId!, basis);
    record(ctx, rule, subjects[index].clientId);
    kept.push(item);
  });
  return kept;
}

/** Runs a declared operation: authorize, call, filter, record. */
export async function runDeclared<R>(call: AccessCall, declared: Declared, resolve: () => Promise<R>): Promise<R> {
  const { rule, table } = declared;
  const subject = await authorizeCall(call, table, rule);
  const result = await resolve();
  // The subject's read is on record even when its list is empty; each item shown is recorded on its own basis.
  if (subject) record(call.ctx, rule, subject.clientId);
  if (rule.each && Array.isArray(result)) {
    const kept = await filterList(call, table, rule, result);
    return (rule.summary ? rule.summary(kept) : kept) as R;
  }
  return result;
}

@Injectable()
export class AccessInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const declared: Declared | undefined = Reflect.getMetadata(ACCESS_RULE, context.getHandler());
    if (!declared) return next.handle();
    const gql = GqlExecutionContext.create(context);
    const call: AccessCall = { args: gql.getArgs(), parent: gql.getRoot(), ctx: gql.getContext<GraphContext>() };
    return from(runDeclared(call, declared, () => lastValueFrom(next.handle())));
  }
}

/**
 * A service's `@Access(rule)` decorator, bound to its policy table: `export const Access = accessPolicy({...})`
 * in the service's access-policy.ts, then `@Access({ roles, action, categories, subject, bases })` on
 * each resolver method (query, mutation or field).
 */
export function accessPolicy(table: AccessPolicyTable) {
  return (rule: AccessRule): MethodDecorator =>
    (target, method, descriptor) => {
      DECLARED_RULES.push({ service: table.service, target: target.constructor.name, method: String(method), rule });
      return applyDecorators(SetMetadata(ACCESS_RULE, { rule, table } satisfies Declared), UseInterceptors(AccessInterceptor))(target, method, descriptor);
    };
}

/** The subject of a field on `Client`: the client itself. */
export const clientField = ({ parent }: AccessCall<{ id: string }>): AccessSubject => ({ clientId: parent.id.toLowerCase() });

/**
 * The subject of an operation naming a client's record by id (a period, an account, arrears): the
 * record's client, loaded from `table` (a table name of the service's own code, never input); null when
 * the id names nothing, refused like a record out of reach. A malformed id is BAD_USER_INPUT on `field`.
 */
export async function recordSubject(ctx: GraphContext, table: string, idInput: unknown, field: string): Promise<AccessSubject | null> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`recordSubject: not a table name: ${table}`);
  const [row] = await ctx.db.query(`SELECT client_id FROM ${table} WHERE id = $1`, [parseId(idInput, field)]);
  return row ? { clientId: row.client_id } : null;
}

/**
 * The worker an `@Access` rule admitted, for what a command records of who did the work. Not a check of
 * its own: a rule with `roles` admits users only, so this throws only where no rule ran.
 */
export function admittedUser(ctx: GraphContext): UserIdentity {
  if (ctx.identity.kind !== 'user') throw forbidden('This operation is for the county’s own workers');
  return ctx.identity;
}
