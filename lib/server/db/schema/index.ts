// The database schema, one file per domain. drizzle-kit reads this folder (drizzle.config.ts).
export * from './catalogue';
export * from './auth';
export * from './orders';
export * from './staff';
export * from './observability';
export * from './profiles';
