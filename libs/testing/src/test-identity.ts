import { GATEWAY_IDENTITY_HEADER, Identity, signGatewayIdentity } from '@asw/auth';
import { DEVELOPMENT_SECRETS } from '@asw/platform';

/** The secret tests' gateway and subgraphs share; test-only, like everything in this library. */
export const TEST_GATEWAY_IDENTITY_SECRET = DEVELOPMENT_SECRETS.testGatewayIdentity;

const PLACEHOLDER = 'test-identity:';
const subgraphByUrl = new Map<string, string>();

/** Which subgraph answers at `url` (set by startSubgraph / startSubgraphProcess), for the identity's audience. */
export function registerSubgraphUrl(url: string, subgraph: string): void {
  subgraphByUrl.set(url, subgraph);
}

/**
 * Headers that make a direct subgraph call look as if the gateway sent it for this caller. A gateway
 * identity is bound to one request body and one subgraph, so this holds a placeholder: `postGraphQL`
 * mints the real token for each request it sends (as the gateway does), signed with `secret`.
 */
export async function gatewayHeaders(identity: Identity, secret: string = TEST_GATEWAY_IDENTITY_SECRET): Promise<Record<string, string>> {
  return { [GATEWAY_IDENTITY_HEADER]: PLACEHOLDER + Buffer.from(JSON.stringify({ identity, secret })).toString('base64url') };
}

/** Replaces a gatewayHeaders placeholder with a token minted for this subgraph and this request body. */
export async function bindGatewayIdentity(
  url: string,
  headers: Record<string, string>,
  request: { query: string; variables?: Record<string, unknown>; operationName?: string },
): Promise<Record<string, string>> {
  const value = headers[GATEWAY_IDENTITY_HEADER];
  if (!value?.startsWith(PLACEHOLDER)) return headers;
  const subgraph = subgraphByUrl.get(url);
  if (!subgraph) throw new Error(`no subgraph registered at ${url}: start it with startSubgraph/startSubgraphProcess`);
  const { identity, secret } = JSON.parse(Buffer.from(value.slice(PLACEHOLDER.length), 'base64url').toString('utf8')) as { identity: Identity; secret: string };
  return { ...headers, [GATEWAY_IDENTITY_HEADER]: await signGatewayIdentity(identity, secret, { subgraph, request }) };
}
