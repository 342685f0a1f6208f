import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hasRole, Identity, UserIdentity, UserRole } from '@asw/auth';
import { AccessAction, GraphContext, noRelationship, parseId } from '@asw/subgraph';
import { BENEFITS_SETTINGS, BenefitsSettings } from './config/benefits.config';

/**
 * Who may do what in etuuskäsittely (DOMAIN.md roles): role checks first, then the application itself
 * (PRODUCT.md "Who may do what"), all through this file:
 * - Each application belongs to the queue of one handling team (`handlingTeam`, set at registration:
 *   the registering benefits handler's team, otherwise the county's `BENEFITS_HANDLING_TEAM`). A
 *   BENEFITS_HANDLER, or the SUPERVISOR who leads that team, reaches the applications in their team's
 *   queue (access-log basis `queue:<team>`).
 * - Everyone else (social worker, instructor, client advisor, a supervisor of another team) reaches a
 *   client's applications, decisions and recovery claims through a client relationship
 *   (`ctx.relationships`, basis `relationship:<kind>`).
 * - Kela reaches only what it submitted (kela-intake).
 */
export const READ_ROLES: UserRole[] = ['BENEFITS_HANDLER', 'SUPERVISOR', 'SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR', 'CLIENT_ADVISOR'];
/** Registering what arrived on paper, by e-service or at the front desk. */
export const REGISTER_ROLES: UserRole[] = ['BENEFITS_HANDLER', 'SUPERVISOR', 'SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR', 'CLIENT_ADVISOR'];
/** Handling and deciding: benefits handlers, and the social worker or instructor who decides urgent matters at once. */
export const HANDLE_ROLES: UserRole[] = ['BENEFITS_HANDLER', 'SUPERVISOR', 'SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR'];
/** The roles that work from a team's queue: its handlers and the team lead. */
export const QUEUE_ROLES: UserRole[] = ['BENEFITS_HANDLER', 'SUPERVISOR'];

/** What access needs of an application: whose it is and whose queue it is in. */
export interface ApplicationScope {
  clientId: string;
  handlingTeam: string;
}

/** The team whose queue the caller works from, or null (other roles, partners). */
export function queueTeamOf(identity: Identity): string | null {
  return hasRole(identity, ...QUEUE_ROLES) ? (identity as UserIdentity).team : null;
}

/** The access-log basis of a queue: `queue:<team>`. */
export const queueBasis = (team: string): string => `queue:${team}`;

/**
 * The team an application registered now goes to: a benefits handler registers into their own team's
 * queue; everything else (other workers, Kela's transfers, drafts from rent arrears) goes to the
 * county's benefits-handling team.
 */
export function handlingTeamFor(registeredBy: Identity | null, defaultTeam: string): string {
  return registeredBy !== null && hasRole(registeredBy, 'BENEFITS_HANDLER') ? (registeredBy as UserIdentity).team : defaultTeam;
}

/**
 * The one gate of this service: every id passed in (application, decision, recovery claim, client) and
 * every list goes through here before anything is returned or written. An unknown id and a known one
 * the caller may not reach answer the same FORBIDDEN (existence is not revealed), recorded in the
 * access log as REFUSED. The Client fields (`incomeSupportApplications`, `kelaNotices`) declare their
 * access with `@Access` (access-policy.ts), whose `queue` bases are the same rule. Once admitted,
 * `ctx.access.read/changed` record the basis (queue or relationship). An application's client and team
 * never change, so checking before the command's own transaction admits exactly what it then changes.
 */
@Injectable()
export class BenefitsAccess {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(BENEFITS_SETTINGS) private readonly settings: BenefitsSettings,
  ) {}

  /** The handling team of an application the caller registers now. */
  handlingTeamFor(registeredBy: Identity | null): string {
    return handlingTeamFor(registeredBy, this.settings.handlingTeam);
  }

  /** Admits the caller to one application, by queue or by client relationship, or refuses. */
  async admit(ctx: GraphContext, application: ApplicationScope, action: AccessAction, category: string): Promise<void> {
    const team = queueTeamOf(ctx.identity);
    if (team !== null && team === application.handlingTeam) {
      ctx.access.admit(application.clientId, queueBasis(team));
      return;
    }
    await ctx.relationships.require(application.clientId, action, category);
  }

  /** Registering for a client: the caller must reach the queue the application will go to, or the client. */
  async admitRegistration(ctx: GraphContext, clientId: string): Promise<void> {
    await this.admit(ctx, { clientId, handlingTeam: this.handlingTeamFor(ctx.identity) }, 'CHANGE', 'incomeSupportApplications');
  }

  /** A list keeps the applications in the caller's queue and those of clients the caller has a relationship with. */
  async filter<T extends ApplicationScope>(ctx: GraphContext, applications: readonly T[]): Promise<T[]> {
    const team = queueTeamOf(ctx.identity);
    const inQueue = (application: T) => team !== null && application.handlingTeam === team;
    for (const application of applications) if (inQueue(application)) ctx.access.admit(application.clientId, queueBasis(team!));
    const related = new Set(await ctx.relationships.filter(applications.filter((application) => !inQueue(application)), (application) => application.clientId));
    return applications.filter((application) => inQueue(application) || related.has(application));
  }

  /** The application an id names, once the caller may reach it. */
  async application(ctx: GraphContext, idInput: string, action: AccessAction, field = 'applicationId'): Promise<ApplicationScope & { id: string }> {
    const id = parseId(idInput, field);
    const [row] = await this.dataSource.query(`SELECT client_id, handling_team FROM income_support_application WHERE id = $1`, [id]);
    if (!row) return this.unknown(ctx, action, field);
    return this.admitted(ctx, { id, clientId: row.client_id, handlingTeam: row.handling_team }, action, 'incomeSupportApplications');
  }

  /** The decision an id names (through its application), once the caller may reach it. */
  async decision(ctx: GraphContext, idInput: string, action: AccessAction): Promise<ApplicationScope & { id: string }> {
    const id = parseId(idInput, 'decisionId');
    const [row] = await this.dataSource.query(
      `SELECT a.client_id, a.handling_team FROM income_support_decision d JOIN income_support_application a ON a.id = d.application_id WHERE d.id = $1`,
      [id],
    );
    if (!row) return this.unknown(ctx, action, 'decisionId');
    return this.admitted(ctx, { id, clientId: row.client_id, handlingTeam: row.handling_team }, action, 'incomeSupportDecisions');
  }

  /** The request for review an id names (through its decision's application), once the caller may reach it. */
  async appeal(ctx: GraphContext, idInput: string, action: AccessAction): Promise<ApplicationScope & { id: string }> {
    const id = parseId(idInput, 'appealId');
    const [row] = await this.dataSource.query(
      `SELECT a.client_id, a.handling_team FROM income_support_decision_appeal p JOIN income_support_application a ON a.id = p.application_id WHERE p.id = $1`,
      [id],
    );
    if (!row) return this.unknown(ctx, action, 'appealId');
    return this.admitted(ctx, { id, clientId: row.client_id, handlingTeam: row.handling_team }, action, 'incomeSupportDecisions');
  }

  /** The recovery claim an id names (through its decision's application), once the caller may reach it. */
  async recoveryClaim(ctx: GraphContext, idInput: string, action: AccessAction): Promise<ApplicationScope & { id: string }> {
    const id = parseId(idInput, 'claimId');
    const [row] = await this.dataSource.query(
      `SELECT a.client_id, a.handling_team FROM recovery_claim c
         JOIN income_support_decision d ON d.id = c.decision_id JOIN income_support_application a ON a.id = d.application_id
        WHERE c.id = $1`,
      [id],
    );
    if (!row) return this.unknown(ctx, action, 'claimId');
    return this.admitted(ctx, { id, clientId: row.client_id, handlingTeam: row.handling_team }, action, 'recoveryClaims');
  }

  /** An id that names nothing is refused as one the caller may not reach: the same answer, the same log line. */
  private unknown(ctx: GraphContext, action: AccessAction, field: string): never {
    ctx.access.refused(null, action, `no client relationship (unknown ${field})`);
    throw noRelationship();
  }

  private async admitted<T extends ApplicationScope>(ctx: GraphContext, scope: T, action: AccessAction, category: string): Promise<T> {
    await this.admit(ctx, scope, action, category);
    return scope;
  }
}
