// Import boundaries between the shop and the simulator, between browser and server code, and around the process
// boot (lib/server/boot). Written as resolved-path zones (eslint-plugin-import), so they hold at any folder depth
// and for the `@/` alias alike; tests/unit/lint-boundaries.test.ts proves that a forbidden import fails, from a
// top-level file and from deep subfolders. A zone given as a folder covers everything below it; a glob must say
// `**` to do the same.
const APP = ['./app', './lib', './components', './proxy.ts', './instrumentation.ts'];

// Isomorphic lib/ is everything under lib/ except lib/server: its top-level files and every other subfolder, at
// any depth (minimatch's `!(server)` matches any one path segment but `server`).
const ISOMORPHIC_LIB = ['./lib/!(server)', './lib/!(server)/**'];

// Everything in the shop but instrumentation.ts and lib/server/boot itself: importing boot/ starts the background
// work (timers, webhook registration), so a second importer would start it twice or during `next build`.
const OUTSIDE_BOOT = [
  './app',
  './components',
  './proxy.ts',
  './!(instrumentation).ts',
  ...ISOMORPHIC_LIB,
  './lib/server/!(boot)',
  './lib/server/!(boot)/**',
];

// Every source file of the shop and of the simulator (hooks in components/ are .ts, the simulator's bin .mjs).
const SHOP_FILES = [
  'app/**/*.{ts,tsx}',
  'lib/**/*.{ts,tsx}',
  'components/**/*.{ts,tsx}',
  'proxy.ts',
  'instrumentation.ts',
];
const SIMULATOR_FILES = ['simulator/**/*.{ts,mts,mjs}'];

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
          target: ['./components', ...ISOMORPHIC_LIB],
          from: './lib/server',
          message: 'Browser code must not import lib/server (server-only: secrets, database, Vipps).',
        },
        {
          target: OUTSIDE_BOOT,
          from: './lib/server/boot',
          message: 'lib/server/boot starts the background work when imported: only instrumentation.ts may import it.',
        },
      ],
    },
  ],
};

/** Flat-config blocks; `files` keeps them to source folders. */
export const boundaryConfigs = [
  {
    files: [...SHOP_FILES, ...SIMULATOR_FILES, '*.ts'],
    rules: boundaryRules,
  },
  {
    // A second net for what the resolver cannot see (a path that does not exist yet, a bare package name).
    files: SIMULATOR_FILES,
    rules: { 'no-restricted-imports': ['error', { patterns: ['@/*'] }] },
  },
  {
    // The simulator is also an npm workspace package: its name resolves into node_modules, not ./simulator.
    files: SHOP_FILES,
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
