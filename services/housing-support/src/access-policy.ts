import type { UserIdentity } from '@asw/auth';
import { accessPolicy, AccessSubject, admittedUser, GraphContext, parseId, performedBy, recordSubject } from '@asw/subgraph';

/**
 * housing-support's access policy table (libs/subgraph/src/policy): every resolver declares its rule
 * with `@Access({...})`; the mechanism checks the role, admits the client, filters lists and records
 * the access log. A client's housing data opens by a client-wide relationship or an access with
 * justification (basis `relationship`, the default); the caller's role alone admits nothing of a
 * client's. This service adds no bases of its own.
 */
export const Access = accessPolicy({ service: 'housing-support' });

/** Roles that do asumissosiaalinen työ: instructors and nurses on visits, social workers, team leads. */
export const HOUSING_SUPPORT_ROLES = ['SOCIAL_INSTRUCTOR', 'SOCIAL_WORKER', 'PRACTICAL_NURSE', 'SUPERVISOR'] as const;

/** The data categories of this service, as the access log names them (`housing-support:<category>`). */
export type HousingCategory = 'housingSupport' | 'paymentIntermediaryAccounts' | 'subleases' | 'rentArrears';

/** The worker and the housing-work role their visit or report counts under. */
export const housingWorker = (worker: UserIdentity) => performedBy(worker, HOUSING_SUPPORT_ROLES);

/** Who does a piece of housing work, and in which request: what a command writes and its event carries. */
export interface HousingActor {
  performedBy: ReturnType<typeof housingWorker>;
  correlationId: string;
}

/** The actor of a mutation its `@Access` rule admitted. */
export const housingActor = (ctx: GraphContext): HousingActor => ({ performedBy: housingWorker(admittedUser(ctx)), correlationId: ctx.correlationId });

/** The client named by a mutation's `input.clientId`. */
export const inputClient = ({ args }: { args: Record<string, any> }): AccessSubject => ({ clientId: parseId(args.input.clientId, 'clientId') });

/** The client a housing support period id names, or null when it names none (refused like one out of reach). */
export const periodSubject = (ctx: GraphContext, idInput: string, field = 'id') => recordSubject(ctx, 'housing_support_period', idInput, field);
/** The client of rent arrears, by id. */
export const arrearsSubject = (ctx: GraphContext, idInput: string) => recordSubject(ctx, 'rent_arrears', idInput, 'rentArrearsId');
/** The client of a payment-intermediary account (välitystili), by id. */
export const accountSubject = (ctx: GraphContext, idInput: string) => recordSubject(ctx, 'payment_intermediary_account', idInput, 'accountId');
/** The client of a sublease (välivuokraus), by id. */
export const subleaseSubject = (ctx: GraphContext, idInput: string) => recordSubject(ctx, 'sublease', idInput, 'subleaseId');
