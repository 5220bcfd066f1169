// Import boundaries between the shop and the simulator, and between browser and server code. Written as
// resolved-path zones (eslint-plugin-import), so they hold at any folder depth and for the `@/` alias alike;
// tests/unit/lint-boundaries.test.ts proves that a forbidden import fails.
const APP = ['./app', './lib', './components', './proxy.ts', './instrumentation.ts'];

export const boundaryRules = {
  'import/no-restricted-paths': [
    'error',
    {
      zones: [
        {
          target: './simulator',
          from: APP,
          message: 'The simulator is a separate product: it must not import the shop.',
        },
        {
          target: APP,
          from: './simulator',
          message: 'The shop talks to the simulator over HTTP only, as it would to Vipps.',
        },
        {
          target: ['./components', './lib/*.ts'],
          from: './lib/server',
          message: 'Browser code must not import lib/server (server-only: secrets, database, Vipps).',
        },
      ],
    },
  ],
};

/** Flat-config blocks; `files` keeps them to source folders. */
export const boundaryConfigs = [
  {
    files: ['app/**/*.{ts,tsx}', 'lib/**/*.ts', 'components/**/*.tsx', 'simulator/**/*.ts', '*.ts'],
    rules: boundaryRules,
  },
  {
    // A second net for what the resolver cannot see (a path that does not exist yet, a bare package name).
    files: ['simulator/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@/*'] }] },
  },
  {
    // The simulator is also an npm workspace package: its name resolves into node_modules, not ./simulator.
    files: ['app/**/*.{ts,tsx}', 'lib/**/*.ts', 'components/**/*.tsx', 'proxy.ts', 'instrumentation.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@fjellbutikken/vipps-simulator', '@fjellbutikken/vipps-simulator/*'],
              message: 'The shop talks to the simulator over HTTP only.',
            },
          ],
        },
      ],
    },
  },
];
