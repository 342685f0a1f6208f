// Two jest projects: `unit` (pure code, no infrastructure) and `integration` (services against real
// PostgreSQL and Kafka, and end-to-end tests through the gateway). The integration project provisions
// the infrastructure once per run (libs/testing: DATABASE_URL / KAFKA_BROKERS > Docker > local processes).
const swcOptions = require('./tools/swc-options');

const transform = { '^.+\\.ts$': ['@swc/jest', { ...swcOptions(), swcrc: false }] };
const common = { rootDir: __dirname, testEnvironment: 'node', transform, modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/'] };

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{gateway,services,libs,tools}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{gateway,services,libs}/**/*.int-spec.ts', '<rootDir>/tests/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/jest-global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/jest-global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest-integration-setup.ts'],
    },
  ],
};
