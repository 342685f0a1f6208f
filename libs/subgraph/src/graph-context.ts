import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import type { Request } from 'express';
import type { EntityManager } from 'typeorm';
import { BoundRequest, CORRELATION_ID_HEADER, GATEWAY_IDENTITY_HEADER, Identity, ReplayGuard, verifyGatewayIdentity } from '@asw/auth';
import { AppLogger, correlationIdOf, DomainError, noteRefusal } from '@asw/platform';
import { AccessRecorder } from './access-log/access-recorder';
import { ClientRelationships } from './relationships/client-relationships';

/**
 * One DataLoader per name per request: entity references and fields that extend Client resolve in
 * one query per subgraph per request level, never one per entity.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  get<V>(name: string, batch: (ids: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<string, unknown>(batch);
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<string, V>;
  }
}

/** What every resolver of every subgraph gets: the verified caller, the correlation id, the loaders and the access record. */
export interface GraphContext {
  identity: Identity;
  correlationId: string;
  loaders: Loaders;
  /** Whose data this request read or changed; written to the access log when the response leaves. */
  access: AccessRecorder;
  /** The caller's client relationships: `require` one before touching a client's data, `filter` lists. */
  relationships: ClientRelationships;
  /** The service's database, for the access policy's own bases (e.g. a queue); commands use their own transactions. */
  db: EntityManager;
}

/** The GraphQL request in the body (POST): what the gateway identity must have been minted for. */
function boundRequestOf(req: Request): BoundRequest {
  const body: unknown = req.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const { query, operationName, variables } = body as BoundRequest;
  return { query, operationName, variables };
}

/**
 * Subgraphs trust no network: every request must carry identity the gateway signed for this subgraph
 * and this request body, unexpired and unused (libs/auth gateway-identity); a refusal is logged with its reason.
 */
export async function createGraphContext(
  req: Request,
  gatewayIdentitySecret: string,
  service: string,
  db: EntityManager,
  logger: AppLogger,
  replayGuard: ReplayGuard,
): Promise<GraphContext> {
  const correlationId = correlationIdOf(req.headers[CORRELATION_ID_HEADER]);
  const header = req.headers[GATEWAY_IDENTITY_HEADER];
  let identity: Identity;
  try {
    identity = await verifyGatewayIdentity(typeof header === 'string' ? header : undefined, gatewayIdentitySecret, { subgraph: service, request: boundRequestOf(req), replayGuard });
  } catch (error) {
    const message = error instanceof DomainError ? error.message : 'Not authenticated';
    const reason = (error instanceof DomainError && error.details?.reason) || 'GATEWAY_IDENTITY_INVALID';
    noteRefusal('auth');
    logger.warn({ correlationId, code: 'UNAUTHENTICATED', reason }, 'refused: no valid gateway identity');
    throw new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', details: { reason }, http: { status: 401 } } });
  }
  const loaders = new Loaders();
  const access = new AccessRecorder(service, identity);
  return { identity, correlationId, loaders, access, relationships: new ClientRelationships(db, identity, access, loaders), db };
}

/** Resolver parameter: the request's GraphContext. */
export const Ctx = createParamDecorator((_data: unknown, ctx: ExecutionContext): GraphContext => GqlExecutionContext.create(ctx).getContext<GraphContext>());
