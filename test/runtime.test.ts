/**
 * Which Node runs the suite, printed from inside the run. The services the tests start run on the same
 * node (they are spawned with process.execPath). REQUIRE_NODE_MAJOR (set by .ci/node24) holds it to a major.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the Node runtime of the tests', () => {
  it('is the node on PATH, and the major REQUIRE_NODE_MAJOR asks for', () => {
    const onPath = execFileSync('node', ['--version'], { encoding: 'utf8' }).trim();
    console.log(`node --version inside the test run: ${onPath} (the tests: ${process.version}, ${process.execPath})`);
    expect(onPath).toBe(process.version);
    const required = process.env.REQUIRE_NODE_MAJOR;
    if (required) expect(`v${process.versions.node.split('.')[0]}`).toBe(`v${required}`);
  });
});
