// Import first in any test that loads a route module: Next.js' server runtime puts AsyncLocalStorage on
// globalThis before its request-scope modules load (they fall back to a throwing fake otherwise).
import 'next/dist/server/node-environment-baseline';
