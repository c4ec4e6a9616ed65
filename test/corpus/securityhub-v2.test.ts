import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../src/event-kinds/parse-event.js';
import type { Finding } from '../../src/findings/finding.js';
import { eventsOf } from '../../src/replay/wrap.js';
import { corpusExists, corpusFiles, readCorpus } from '../helpers/corpus.js';

const FOLDER = 'securityhub-v2-ocsf';

type Expected = {
  file: string;
  type: Finding['type'];
  label: string;
  score: number | undefined;
  lifecycle: string;
};

/**
 * Written by reading each file: the label of `severity_id`, the highest
 * CVSS v3 base score, and the lifecycle of `status_id` / a Close activity /
 * a passed control.
 */
// biome-ignore format: one row per file
const EVENTS: Expected[] = [
  { file: 'elastic-cspm-sqs.1-fail-medium-new', type: 'SECURITY_CONTROL', label: 'MEDIUM', score: undefined, lifecycle: 'OPEN' },
  // status Resolved, compliance Pass.
  { file: 'elastic-cspm-sqs.3-pass-resolved-informational', type: 'SECURITY_CONTROL', label: 'INFORMATIONAL', score: undefined, lifecycle: 'RESOLVED' },
  // NVD 3.1 7.5.
  { file: 'elastic-inspector-ec2-cve-2023-44487-high-exploit', type: 'PACKAGE_VULNERABILITY', label: 'HIGH', score: 7.5, lifecycle: 'OPEN' },
  // AMAZON_CVE and NVD both 7.5; vendor severity "Important".
  { file: 'elastic-inspector-ec2-cve-2025-8194-important-5-packages', type: 'PACKAGE_VULNERABILITY', label: 'HIGH', score: 7.5, lifecycle: 'OPEN' },
  // OCSF 1.5.0, NVD 3.1 6.5.
  { file: 'elastic-inspector-lambda-cve-2025-47906-medium-ocsf-1.5', type: 'PACKAGE_VULNERABILITY', label: 'MEDIUM', score: 6.5, lifecycle: 'OPEN' },
  // status_id 3.
  { file: 'findings-imported-v2-guardduty-suppressed-sumologic', type: 'THREAT_DETECTION', label: 'LOW', score: undefined, lifecycle: 'SUPPRESSED' },
  // Hand-written, OCSF 1.0.0, no vulnerabilities[]: read, not shaped by it.
  { file: 'cruxstack-fixture-findings-imported-v2-inspector-HANDWRITTEN', type: 'PACKAGE_VULNERABILITY', label: 'LOW', score: undefined, lifecycle: 'OPEN' },
];

/** Bare OCSF findings (no envelope), replayed as `get-findings-v2` output. */
// biome-ignore format: one row per file
const BARE: Expected[] = [
  // activity Close while status says New.
  { file: 'cruxstack-finding-guardduty-runtime-host-mount', type: 'THREAT_DETECTION', label: 'MEDIUM', score: undefined, lifecycle: 'RESOLVED' },
  { file: 'cruxstack-finding-guardduty-runtime-new-binary', type: 'THREAT_DETECTION', label: 'MEDIUM', score: undefined, lifecycle: 'OPEN' },
  { file: 'cruxstack-finding-securityhub-cspm-config-2.5', type: 'SECURITY_CONTROL', label: 'CRITICAL', score: undefined, lifecycle: 'OPEN' },
];

const onlyFinding = (event: unknown): Finding => {
  const parsed = parseEvent(event);
  if (parsed.kind !== 'findings') {
    throw new Error(`expected findings, got ${parsed.kind}: ${parsed.reason}`);
  }
  expect(parsed.findings).toHaveLength(1);
  expect(parsed.rejected).toBeUndefined();
  const [finding] = parsed.findings;
  if (!finding) throw new Error('no finding');
  return finding;
};

const assertExpected = (finding: Finding, expected: Expected) => {
  expect(finding.type).toBe(expected.type);
  expect(finding.severity.label).toBe(expected.label);
  expect(finding.severity.score).toBe(expected.score);
  expect(finding.status.lifecycle).toBe(expected.lifecycle);
};

describe.skipIf(!corpusExists)('Corpus: securityhub-v2-ocsf', () => {
  it('has an expectation for every file', () => {
    expect(corpusFiles(FOLDER)).toEqual(
      [...EVENTS, ...BARE].map(({ file }) => file).sort()
    );
  });

  it.each(EVENTS)('reads $file as $label $score $lifecycle', (expected) => {
    // Act
    const finding = onlyFinding(readCorpus(FOLDER, expected.file));

    // Assess
    assertExpected(finding, expected);
    expect(finding.updatedAt).not.toBe(new Date(0).toISOString());
  });

  it.each(BARE)(
    'reads the bare $file as get-findings-v2 output',
    (expected) => {
      // Prepare
      const bare = readCorpus(FOLDER, expected.file);
      const [wrapped, ...others] = eventsOf({ Findings: [bare] });

      // Act
      const finding = onlyFinding(wrapped?.event);

      // Assess
      expect(others).toHaveLength(0);
      expect(wrapped?.wrapped).toBe('OCSF finding');
      assertExpected(finding, expected);
      // Unwrapped, the function says what it is instead.
      const direct = parseEvent(bare);
      expect(direct.kind === 'ignored' && direct.reason).toMatch(
        /^bare OCSF finding \(class_uid \d+\) is not an EventBridge event/
      );
    }
  );

  it('keeps what a security engineer reads off the Inspector findings', () => {
    // Act
    const ec2 = onlyFinding(
      readCorpus(
        FOLDER,
        'elastic-inspector-ec2-cve-2025-8194-important-5-packages'
      )
    );
    const lambda = onlyFinding(
      readCorpus(
        FOLDER,
        'elastic-inspector-lambda-cve-2025-47906-medium-ocsf-1.5'
      )
    );

    // Assess
    expect(ec2.id).toBe(
      'arn:aws:inspector2:us-east-2:123456789012:finding/9abcdefabcdef0123456789abcdef121'
    );
    expect(ec2.vulnerability).toMatchObject({
      ids: ['CVE-2025-8194', 'ALAS2-2025-2962', 'ALAS2-2025-2961'],
      vendorSeverity: 'Important',
      epss: 0.00198,
      exploitAvailable: false,
      fixAvailable: 'YES',
    });
    expect(ec2.vulnerability?.packages.map((pkg) => pkg.remediation)).toEqual([
      'yum update python',
      'yum update python-devel',
      'yum update python-libs',
      'yum update python3',
      'yum update python3-libs',
    ]);
    expect(ec2.resources[0]).toMatchObject({
      type: 'AwsEc2Instance',
      id: 'i-abcd1235cdef1234',
      tags: { 'aws:eks:cluster-name': 'demo_prod' },
    });
    expect(lambda.resources[0]).toMatchObject({
      type: 'AwsLambdaFunction',
      id: 'arn:aws:lambda:us-east-2:123456789012:function:cloudtrail-test-ab-LambdaFunction-jVHJUsdbdkj6',
      name: 'cloudtrail-test-ab-LambdaFunction-jVHJUsdbdkj6',
    });
  });
});
