/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // PGlite ships a WASM build of Postgres; keep it (and pg/pino) out of the server bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'pino', 'pino-pretty'],
};

export default nextConfig;
