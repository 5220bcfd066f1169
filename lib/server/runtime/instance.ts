import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** This server process, as a holder of database leases (lease.ts): host and PID say which one, in logs too. */
export const INSTANCE_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
