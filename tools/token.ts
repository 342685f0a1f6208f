/**
 * `npm run token -- --role SOCIAL_WORKER [--user id] [--team t] [--org o] [--ttl seconds]`
 * `npm run token -- --partner KELA`, `npm run token -- --help [--base-port N]`
 * Prints a signed access token for local use, signed with the dev settings `npm start` uses (or
 * AUTH_ISSUER / AUTH_AUDIENCE / AUTH_JWT_SECRET when set). Production tokens come from the county's
 * identity provider, never from this tool.
 */
import { parseArgs } from 'node:util';
import { DEV_AUTH, DEVELOPMENT_TOKEN_TTL_SECONDS, developmentIdentity, Identity, signAccessToken } from '@asw/auth';
import { devPorts } from './dev-ports';

const { values } = parseArgs({
  options: {
    role: { type: 'string', multiple: true },
    partner: { type: 'string' },
    user: { type: 'string' },
    team: { type: 'string' },
    org: { type: 'string' },
    ttl: { type: 'string', default: String(DEVELOPMENT_TOKEN_TTL_SECONDS) },
    help: { type: 'boolean' },
    'base-port': { type: 'string' },
  },
});

if (values.help) {
  // The gateway's port as `npm start` chooses it: --base-port here, or ASW_BASE_PORT as for npm start.
  const gateway = devPorts({ basePort: values['base-port'] }, process.env).gateway;
  process.stdout.write(
    [
      'npm run token -- --role SOCIAL_WORKER [--role …] [--user id] [--team t] [--org o] [--ttl seconds]',
      'npm run token -- --partner KELA [--user client-id] [--org o]',
      '',
      'Prints a development token signed with the settings `npm start` uses. Use it with the running graph:',
      `  TOKEN=$(npm run --silent token -- --role BENEFITS_HANDLER)`,
      `  curl -s http://localhost:${gateway}/graphql -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" -d '{"query":"{ __typename }"}'`,
      `or paste it into the IDE at http://localhost:${gateway}/ as {"authorization": "Bearer <token>"}.`,
      '',
    ].join('\n'),
  );
  process.exit(0);
}

const result = developmentIdentity({ roles: values.role, partner: values.partner, user: values.user, team: values.team, org: values.org });
if ('problems' in result) {
  process.stderr.write(`Not a valid identity: ${result.problems.join('; ')}\n`);
  process.exit(2);
}
const identity: Identity = result.identity;
signAccessToken(
  identity,
  {
    issuer: process.env.AUTH_ISSUER ?? DEV_AUTH.issuer,
    audience: process.env.AUTH_AUDIENCE ?? DEV_AUTH.audience,
    jwtSecret: process.env.AUTH_JWT_SECRET ?? DEV_AUTH.jwtSecret,
  },
  Number(values.ttl),
).then((token) => process.stdout.write(`${token}\n`));
