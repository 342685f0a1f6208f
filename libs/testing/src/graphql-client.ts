import { bindGatewayIdentity } from './test-identity';

export interface GraphQLResponse<D = any> {
  status: number;
  data?: D;
  errors?: Array<{ message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }>;
  headers: Headers;
}

/** Posts one GraphQL operation over real HTTP, as a frontend would. */
export async function postGraphQL<D = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<D>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await bindGatewayIdentity(url, headers, { query, variables })) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: D; errors?: GraphQLResponse['errors'] };
  return { status: response.status, data: body.data ?? undefined, errors: body.errors, headers: response.headers };
}

/** Resolves Client references the way the gateway's query planner asks a subgraph for them. */
export async function resolveClients<T = any>(url: string, headers: Record<string, string>, ids: string[], selection: string): Promise<GraphQLResponse<{ _entities: T[] }>> {
  return postGraphQL(
    url,
    `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Client { ${selection} } } }`,
    { representations: ids.map((id) => ({ __typename: 'Client', id })) },
    headers,
  );
}
