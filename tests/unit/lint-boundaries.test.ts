import { ESLint } from 'eslint';
import nextVitals from 'eslint-config-next/core-web-vitals';
import { describe, expect, it } from 'vitest';
import { boundaryConfigs } from '@/eslint.boundaries.mjs';

// Boundaries written for one folder depth let deeper files through (the simulator ↔ app rule once matched
// `../../lib/*` only; the browser ↔ lib/server rule matched `lib/*.ts`, so lib/cart/ could import lib/server).
// Here the project's boundary blocks lint small snippets placed at several depths and in every source file type.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  // next's config brings the TypeScript parser, the import plugin and its resolver settings (`@/` alias).
  overrideConfig: [...nextVitals, ...boundaryConfigs],
});

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const FORBIDDEN: [string, string, string][] = [
  ['simulator/src/server.ts', "import { getEnv } from '../../lib/server/env';", 'import/no-restricted-paths'],
  [
    'simulator/src/epayment/routes.ts',
    "import { getEnv } from '../../../lib/server/env';",
    'import/no-restricted-paths',
  ],
  [
    'simulator/test/core/a/b/deep.test.ts',
    "import { formatOre } from '../../../../../lib/money';",
    'import/no-restricted-paths',
  ],
  ['simulator/src/epayment/routes.ts', "import { formatOre } from '@/lib/money';", 'import/no-restricted-paths'],
  [
    'lib/server/vipps/client.ts',
    "import { loadConfig } from '../../../simulator/src/config';",
    'import/no-restricted-paths',
  ],
  ['app/api/health/route.ts', "import { loadConfig } from '@/simulator/src/config';", 'import/no-restricted-paths'],
  ['components/shop/ProductCard.tsx', "import { getEnv } from '@/lib/server/env';", 'import/no-restricted-paths'],
  ['components/admin/deeper/X.tsx', "import { getEnv } from '../../../lib/server/env';", 'import/no-restricted-paths'],
  ['lib/money.ts', "import { getEnv } from './server/env';", 'import/no-restricted-paths'],
  ['lib/cart/storage.ts', "import { getEnv } from '../server/env';", 'import/no-restricted-paths'],
  ['lib/cart/storage.ts', "import { getEnv } from '@/lib/server/env';", 'import/no-restricted-paths'],
  ['lib/a/b/c.ts', "import { getEnv } from '../../server/env';", 'import/no-restricted-paths'],
  ['lib/a/b/c.ts', "import { getEnv } from '@/lib/server/env';", 'import/no-restricted-paths'],
  ['lib/payment/View.tsx', "import { getEnv } from '@/lib/server/env';", 'import/no-restricted-paths'],
  // Hooks in components/ are .ts files, and the simulator's bin and test support are .mjs.
  ['components/cart/useCart.ts', "import { getEnv } from '@/lib/server/env';", 'import/no-restricted-paths'],
  ['simulator/bin/tool.mjs', "import { formatOre } from '../../lib/money';", 'import/no-restricted-paths'],
  ['simulator/test/support/a.mjs', "import { formatOre } from '@/lib/money';", 'no-restricted-imports'],
  [
    'app/admin/orders/[reference]/deep/page.tsx',
    "import { loadConfig } from '../../../../../simulator/src/config';",
    'import/no-restricted-paths',
  ],
  [
    'components/admin/useX.ts',
    "import { startSimulator } from '@fjellbutikken/vipps-simulator';",
    'no-restricted-imports',
  ],
  [
    'lib/server/env/schema.ts',
    "import { SIMULATOR_CREDENTIALS } from '@fjellbutikken/vipps-simulator/defaults';",
    'no-restricted-imports',
  ],
  ['app/page.tsx', "import { startSimulator } from '@fjellbutikken/vipps-simulator';", 'no-restricted-imports'],
  // Importing lib/server/boot starts the background work, so any importer but instrumentation.ts fails.
  ['lib/server/orders/index.ts', "import { runRetention } from '../boot/retention';", 'import/no-restricted-paths'],
  [
    'lib/server/orders/deep/x.ts',
    "import { runRetention } from '@/lib/server/boot/retention';",
    'import/no-restricted-paths',
  ],
  ['lib/server/log.ts', "import { runRetention } from './boot/retention';", 'import/no-restricted-paths'],
  [
    'app/api/health/route.ts',
    "import { runRetention } from '@/lib/server/boot/retention';",
    'import/no-restricted-paths',
  ],
  [
    'app/api/health/route.ts',
    "export const start = () => import('@/lib/server/boot/start-background');",
    'import/no-restricted-paths',
  ],
  ['proxy.ts', "import { runRetention } from './lib/server/boot/retention';", 'import/no-restricted-paths'],
  ['drizzle.config.ts', "import { runRetention } from './lib/server/boot/retention';", 'import/no-restricted-paths'],
];

describe('import boundaries', () => {
  it.each(FORBIDDEN)('%s: `%s` fails lint', async (file, code, rule) => {
    expect(await ruleIds(file, `${code}\nexport const used = [${code.match(/\{ (\w+) \}/)?.[1]}];\n`)).toContain(rule);
  });

  it.each([
    ['simulator/src/epayment/routes.ts', "import { loadConfig } from '../config';"],
    ['app/api/health/route.ts', "import { getEnv } from '@/lib/server/env';"],
    ['components/shop/ProductCard.tsx', "import { formatOre } from '@/lib/money';"],
    ['lib/server/catalogue/products.ts', "import type { Product } from '@/lib/catalogue';"],
    ['lib/server/orders/deep/x.ts', "import { getEnv } from '@/lib/server/env';"],
    ['lib/server/orders/deep/x.ts', "import { getEnv } from '../../env';"],
    ['lib/cart/storage.ts', "import { formatOre } from '@/lib/money';"],
    ['instrumentation.ts', "export const start = () => import('./lib/server/boot/start-background');"],
    ['instrumentation.ts', "import { runRetention } from './lib/server/boot/retention';"],
    ['lib/server/boot/start-background.ts', "import { runRetention } from './retention';"],
    ['lib/server/boot/deep/x.ts', "import { runRetention } from '../retention';"],
  ])('%s: `%s` is allowed', async (file, code) => {
    const ids = await ruleIds(file, `${code}\nexport const used = 1;\n`);
    expect(ids.filter((id) => id.includes('restricted'))).toEqual([]);
  });
});
