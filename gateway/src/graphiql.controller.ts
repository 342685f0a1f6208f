import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BadRequestException, Controller, Get, Header, NotFoundException, Param, Query, StreamableFile, Type } from '@nestjs/common';
import { DEVELOPMENT_TOKEN_TTL_SECONDS, developmentIdentity, signAccessToken, USER_ROLES, PARTNERS } from '@asw/auth';

/**
 * The GraphQL IDE, served from this process with no CDN: the county's network may have no internet
 * access. GraphiQL and React come from node_modules. Development only: not registered in production.
 * Its headers persist in the browser; with local tokens (AUTH_JWT_SECRET) it gets a development token
 * itself (`/dev/token`, a role picker above the editor), so the first schema load already carries one.
 */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

/** A file inside an installed package, also where the package's "exports" do not list it. */
function packageFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

function page(tokens: boolean): string {
  const roles = [...USER_ROLES.map((role) => `role=${role}`), ...PARTNERS.map((partner) => `partner=${partner}`)];
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Adult social work graph</title>
  <link rel="stylesheet" href="/ide/graphiql.css" />
  <style>
    body { margin: 0; height: 100vh; display: flex; flex-direction: column; font: 14px system-ui, sans-serif; }
    #token { padding: 6px 12px; border-bottom: 1px solid #ddd; display: flex; gap: 8px; align-items: center; }
    #graphiql { flex: 1; }
  </style>
</head>
<body>
  <div id="token">${
    tokens
      ? `Development token as <select id="as">${roles.map((query) => `<option value="${query}">${query.split('=')[1]}</option>`).join('')}</select>
    <button id="get">Use a new token</button> <span id="status"></span>`
      : 'Paste a token from the county\'s identity provider into the headers below as {"authorization": "Bearer …"}.'
  }</div>
  <div id="graphiql">Loading the GraphQL IDE…</div>
  <script src="/ide/react.js"></script>
  <script src="/ide/react-dom.js"></script>
  <script src="/ide/graphiql.js"></script>
  <script>
    // GraphiQL keeps each tab's headers in its tab state (shouldPersistHeaders).
    const TABS = 'graphiql:tabState';
    const PLACEHOLDER = JSON.stringify({ authorization: 'Bearer <paste a token>' }, null, 2);
    const hasToken = (headers) => { try { return /^Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+$/.test(JSON.parse(headers || '{}').authorization || ''); } catch { return false; } };
    const tabs = () => { try { return JSON.parse(localStorage.getItem(TABS)); } catch { return null; } };
    const savedHeaders = () => { const state = tabs(); return state && state.tabs[state.activeTabIndex] ? state.tabs[state.activeTabIndex].headers : null; };
    const serverFetcher = GraphiQL.createFetcher({ url: '/graphql' });
    // Nothing reaches the server before a token is in the headers: no UNAUTHENTICATED noise.
    const fetcher = (params, options) =>
      hasToken(JSON.stringify(options && options.headers)) ? serverFetcher(params, options)
        : Promise.resolve({ errors: [{ message: 'Put a token in the headers first: {"authorization": "Bearer …"}' }] });
    async function newTokenHeaders() {
      const response = await fetch('/dev/token?' + document.getElementById('as').value);
      const body = await response.json();
      if (!response.ok) throw new Error(body.message);
      return JSON.stringify({ authorization: 'Bearer ' + body.token }, null, 2);
    }
    function render(headers) {
      ReactDOM.createRoot(document.getElementById('graphiql')).render(
        React.createElement(GraphiQL, {
          fetcher,
          shouldPersistHeaders: true,
          headers: headers || PLACEHOLDER,
          defaultQuery: '# Find a client you work with (register one and open a case first):\\n{ clients(search: "virtanen", first: 10) { edges { node { id firstName lastName } } } }\\n',
        }),
      );
    }
    const button = document.getElementById('get');
    if (button) {
      // A new token goes into every open tab's headers, written before GraphiQL mounts again
      // (GraphiQL saves its own state as the page unloads).
      const PENDING = 'asw:new-headers';
      button.onclick = () => newTokenHeaders().then((headers) => {
        sessionStorage.setItem(PENDING, headers);
        location.reload();
      }, (error) => (document.getElementById('status').textContent = error.message));
      const pending = sessionStorage.getItem(PENDING);
      sessionStorage.removeItem(PENDING);
      const state = tabs();
      if (pending && state) { state.tabs.forEach((tab) => (tab.headers = pending)); localStorage.setItem(TABS, JSON.stringify(state)); }
      if (pending) render(pending);
      else if (hasToken(savedHeaders())) render(savedHeaders());
      else newTokenHeaders().then(render, () => render());
    } else render();
  </script>
</body>
</html>`;
}

/** What the development tools may sign with: the gateway's own local-token settings. */
export interface DevelopmentTokenSettings {
  issuer: string;
  audience: string;
  jwtSecret: string;
}

/**
 * The IDE and, where the gateway verifies local tokens (AUTH_JWT_SECRET), `GET /dev/token?role=…`
 * (`&team=…&user=…&org=…`, or `?partner=KELA`): a development token, as `npm run token` prints.
 * The caller registers these only outside production.
 */
export function developmentControllers(tokens: DevelopmentTokenSettings | undefined): Type[] {
  const cache = new Map<string, Buffer>();

  @Controller()
  class GraphiqlController {
    @Get()
    @Header('content-type', 'text/html; charset=utf-8')
    @Header('cache-control', 'no-store')
    page(): string {
      return page(tokens !== undefined);
    }

    @Get('ide/:asset')
    asset(@Param('asset') name: string): StreamableFile {
      const asset = ASSETS[name];
      if (!asset) throw new NotFoundException();
      let body = cache.get(name);
      if (!body) {
        body = readFileSync(packageFile(asset.pkg, asset.file));
        cache.set(name, body);
      }
      return new StreamableFile(body, { type: asset.type });
    }
  }

  @Controller('dev')
  class DevelopmentTokenController {
    @Get('token')
    @Header('cache-control', 'no-store')
    async token(@Query() query: Record<string, string | string[] | undefined>): Promise<{ token: string; expiresInSeconds: number }> {
      const one = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : undefined);
      const roles = ([] as string[]).concat(query.role ?? []);
      const result = developmentIdentity({ roles, partner: one('partner'), user: one('user'), team: one('team'), org: one('org') });
      if ('problems' in result) throw new BadRequestException(`Not a valid identity: ${result.problems.join('; ')}`);
      const token = await signAccessToken(result.identity, tokens as DevelopmentTokenSettings, DEVELOPMENT_TOKEN_TTL_SECONDS);
      return { token, expiresInSeconds: DEVELOPMENT_TOKEN_TTL_SECONDS };
    }
  }

  return tokens ? [GraphiqlController, DevelopmentTokenController] : [GraphiqlController];
}
