/** Ports of the test federation (globalSetup), and of the extra processes single tests start. */
export const TEST_PORTS: Record<string, number> = {
  gateway: 14000, orebro: 14001, kalmar: 14002, hoglandet: 14003, samla: 14004, comparison: 14005,
};
export const TEST_SCHEMA_PREFIX = 'test_';
