/**
 * Ports of the test federation (globalSetup): every service's registry port + 10000, so a running
 * `npm start` is never disturbed and a new region gets its test port with its registry line.
 * Single tests that start extra processes use 14100-17999.
 */
import { GATEWAY, SUBGRAPHS } from '../../shared/src/registry';

export const TEST_PORTS: Record<string, number> = Object.fromEntries([...SUBGRAPHS, GATEWAY].map((s) => [s.code, s.port + 10000]));
export const TEST_SCHEMA_PREFIX = 'test_';
