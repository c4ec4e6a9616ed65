import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAMBDA_NODE_VERSION } from '../../bench/node-runtimes.js';

describe('The bench Node', () => {
  it('is the major version of the Lambda runtime the SAM template (and, by parity, the CDK stack) deploys', () => {
    // Prepare
    const template = readFileSync('infra/sam/template.yaml', 'utf8');

    // Act
    const runtimes = [...template.matchAll(/Runtime: nodejs(\d+)\.x/g)].map(
      ([, major]) => major
    );

    // Assess
    expect(runtimes.length).toBeGreaterThan(0);
    for (const major of runtimes)
      expect(LAMBDA_NODE_VERSION.split('.')[0]).toBe(major);
  });
});
