import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/replay/cli.js';

type Line = {
  input: { file: string; index: number };
  outcome: string;
  reason: string;
  routes: { route: string; outcome: string }[];
};

describe('Replay: the example config routes the sample events', () => {
  let lines: Line[];
  let code: number;

  beforeAll(async () => {
    const stdout: string[] = [];
    code = await main(['--json'], {
      stdout: (line) => stdout.push(line),
      stderr: () => undefined,
    });
    lines = stdout.map((line) => JSON.parse(line) as Line);
  });

  const lineFor = (file: string, index = 0) => {
    const line = lines.find(
      (candidate) =>
        candidate.input.file.endsWith(file) && candidate.input.index === index
    );
    if (!line) throw new Error(`no output line for ${file}#${index}`);
    return line;
  };

  it('exits 0', () => {
    expect(code).toBe(0);
  });

  it('sends findings to different routes', () => {
    // Assess
    const routesOf = (file: string) =>
      lineFor(file).routes.map((route) => route.route);
    expect(routesOf('lambda-code-vuln-critical-cwe798-docs.json')).toEqual([
      'security-critical',
    ]);
    expect(
      routesOf('ec2-network-reachability-port22-active-docs.json')
    ).toEqual(['network-exposure']);
    expect(routesOf('edge-team-payments-tagged.json')).toEqual([
      'team-payments',
    ]);
    expect(routesOf('imported-guardduty-ssh-bruteforce.json')).toEqual([
      'compliance-and-threats',
    ]);
  });

  it('keeps a finding on an instance tagged InspectorEc2Exclusion out, saying so', () => {
    // Assess
    const line = lineFor('edge-excluded-by-tag.json');
    expect(line.outcome).toBe('filtered');
    expect(line.reason).toContain('security-critical: excluded by tags');
  });

  it('suppresses a finding with the rule and its reason', () => {
    // Assess
    const line = lineFor('azure-vm-package-vuln-docs.json');
    expect(line.outcome).toBe('suppressed');
    expect(line.reason).toBe(
      'suppressed by accepted-risk-snapd: snapd is not used on these hosts; accepted until the AMI refresh (RISK-142)'
    );
  });

  it('no longer applies an expired suppression', () => {
    // Assess: CVE-2023-30861 would match the expired old-openssl-waiver.
    expect(
      lineFor('lambda-package-vuln-high-exploit-available-docs.json').outcome
    ).toBe('published');
  });

  it('filters a finding below every threshold', () => {
    // Assess
    const line = lineFor('ecr-package-vuln-medium-active-docs.json');
    expect(line.outcome).toBe('filtered');
    expect(line.reason).toContain(
      'security-critical: severity MEDIUM is below HIGH'
    );
  });
});
