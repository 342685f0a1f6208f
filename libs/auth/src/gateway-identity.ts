import { errors, jwtVerify, SignJWT } from 'jose';
import { unauthenticated } from '@asw/platform';
import { Identity, identitySchema } from './identity';

/** Header in which the gateway passes the verified caller to subgraphs. */
export const GATEWAY_IDENTITY_HEADER = 'x-asw-identity';
/** Header that carries one request's correlation id through the gateway, subgraphs and events. */
export const CORRELATION_ID_HEADER = 'x-correlation-id';
/** A client's key for a create mutation it may retry; the gateway passes it to the subgraphs (libs/subgraph idempotency). */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

const ISSUER = 'asw-gateway';
const AUDIENCE = 'asw-subgraphs';
/** Per request and short-lived: a captured header is of no use for long. */
const TTL_SECONDS = 60;

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/** The gateway signs the identity it verified, so that no subgraph trusts the network. */
export async function signGatewayIdentity(identity: Identity, secret: string): Promise<string> {
  return new SignJWT({ identity })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${TTL_SECONDS}s`)
    .sign(keyOf(secret));
}

/** Subgraphs accept a request only with identity signed by the gateway; everything else is UNAUTHENTICATED. */
export async function verifyGatewayIdentity(header: string | undefined, secret: string): Promise<Identity> {
  if (!header) throw unauthenticated('Requests must come through the gateway');
  try {
    const { payload } = await jwtVerify(header, keyOf(secret), { issuer: ISSUER, audience: AUDIENCE, clockTolerance: 5 });
    return identitySchema.parse(payload.identity);
  } catch (error) {
    if (error instanceof errors.JOSEError || (error instanceof Error && error.name === 'ZodError')) {
      throw unauthenticated('Gateway identity is not valid');
    }
    throw error;
  }
}
