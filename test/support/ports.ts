/**
 * Ports of the test federation (globalSetup): every service's registry port + 10000, so a running
 * `npm start` is never disturbed and a new region gets its test port with its registry line.
 * Single tests that start extra processes use 14100-17999, and their own embedded PostgreSQL 5434-5439.
 *
 * TEST_PORT_SLOT=k (0-7) moves every test port by k × 4000 and every test PostgreSQL port by k × 10,
 * so two checkouts can run `npm test` side by side on one machine.
 */
import { GATEWAY, SUBGRAPHS } from '../../contract/src/registry';

const SLOT = Number(process.env.TEST_PORT_SLOT ?? 0);
if (!Number.isInteger(SLOT) || SLOT < 0 || SLOT > 7) throw new Error(`TEST_PORT_SLOT must be an integer 0-7, got "${process.env.TEST_PORT_SLOT}"`);

/** A test service port (14000-17999 at slot 0). */
export const testPort = (port: number) => port + SLOT * 4000;
/** A test PostgreSQL port (5434-5439 at slot 0). */
export const testPgPort = (port: number) => port + SLOT * 10;

export const TEST_PORTS: Record<string, number> = Object.fromEntries([...SUBGRAPHS, GATEWAY].map((s) => [s.code, testPort(s.port + 10000)]));
export const TEST_EMBEDDED_PORT = testPgPort(5434);
export const TEST_SCHEMA_PREFIX = 'test_';
