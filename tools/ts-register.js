// `node -r ./tools/ts-register.js some.ts`: runs the repository's TypeScript directly, compiled
// in memory with the build's swc settings (path aliases included), for operator tools, the
// benchmark and child-process test fixtures that should not wait for a full `npm run build`.
const swc = require('@swc/core');
const swcOptions = require('./swc-options');

const options = swcOptions();
process.setSourceMapsEnabled(true);
require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = swc.transformFileSync(filename, { ...options, filename, swcrc: false });
  module._compile(code, filename);
};

// Started by a test with an IPC channel: die with the parent, so a crashed test run leaves no process behind.
if (process.channel) {
  process.channel.unref();
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
