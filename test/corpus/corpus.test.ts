import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../src/event-kinds/parse-event.js';
import { parseScore } from '../../src/events/severity.js';
import type { Finding } from '../../src/findings/finding.js';
import type { Json } from '../../src/findings/values.js';
import { eventsOf } from '../../src/replay/wrap.js';
import {
  corpusExists,
  corpusFiles,
  corpusFolders,
  findingsOf,
  readCorpus,
} from '../helpers/corpus.js';

/** A bare finding in the envelope replay would give it. */
const wrapped = (finding: Json): unknown => {
  const [only, ...others] = eventsOf(finding);
  if (!only?.wrapped || others.length > 0) {
    throw new Error('not a bare finding replay wraps');
  }
  return only.event;
};

/** The findings of an event that must be read, or a failed expectation. */
const findingsFrom = (event: unknown): readonly Finding[] => {
  const parsed = parseEvent(event);
  if (parsed.kind !== 'findings') {
    throw new Error(`expected findings, got ${parsed.kind}: ${parsed.reason}`);
  }
  return parsed.findings;
};

const onlyFinding = (event: unknown): Finding => {
  const findings = findingsFrom(event);
  expect(findings).toHaveLength(1);
  const [finding] = findings;
  if (!finding) throw new Error('no finding');
  return finding;
};

type Expected = {
  file: string;
  type: Finding['type'];
  label: string;
  score: number | undefined;
  lifecycle: string;
};

const O = 'OPEN';

/**
 * Written by reading each file: the label and score the documented
 * precedence gives (inspectorScore, else the highest CVSS v3, else v2, else
 * Inspector's label).
 */
// biome-ignore format: one row per file
const INSPECTOR2_EVENTS: Expected[] = [
  // cvss: [], no inspectorScore.
  { file: 'azure-acr-image-package-vuln-docs', type: 'PACKAGE_VULNERABILITY', label: 'MEDIUM', score: undefined, lifecycle: O },
  // No inspectorScore; NVD 3.1 7.5.
  { file: 'azure-function-app-package-vuln-docs', type: 'PACKAGE_VULNERABILITY', label: 'HIGH', score: 7.5, lifecycle: O },
  // No inspectorScore; UBUNTU_CVE 3.1 4.8.
  { file: 'azure-vm-package-vuln-docs', type: 'PACKAGE_VULNERABILITY', label: 'MEDIUM', score: 4.8, lifecycle: O },
  { file: 'ec2-network-reachability-port22-active-docs', type: 'NETWORK_REACHABILITY', label: 'MEDIUM', score: undefined, lifecycle: O },
  { file: 'ec2-network-reachability-ssh-workshop-tags', type: 'NETWORK_REACHABILITY', label: 'MEDIUM', score: undefined, lifecycle: O },
  // inspectorScore 4.8 wins over NVD 7.3; status CLOSED.
  { file: 'ec2-package-vuln-medium-closed-docs', type: 'PACKAGE_VULNERABILITY', label: 'MEDIUM', score: 4.8, lifecycle: 'RESOLVED' },
  { file: 'ecr-package-vuln-medium-active-docs', type: 'PACKAGE_VULNERABILITY', label: 'MEDIUM', score: undefined, lifecycle: O },
  // inspectorScore 6.5 wins over NVD 3.1 8.1.
  { file: 'ecr-package-vuln-medium-ecr-docs-2021', type: 'PACKAGE_VULNERABILITY', label: 'MEDIUM', score: 6.5, lifecycle: O },
  { file: 'lambda-code-vuln-critical-cwe798-docs', type: 'CODE_VULNERABILITY', label: 'CRITICAL', score: undefined, lifecycle: O },
  { file: 'lambda-package-vuln-high-exploit-available-docs', type: 'PACKAGE_VULNERABILITY', label: 'HIGH', score: 7.5, lifecycle: O },
  { file: 'ondemand-ami-scan-finding-docs', type: 'PACKAGE_VULNERABILITY', label: 'HIGH', score: 7.5, lifecycle: O },
];

/** ASFF: the Label wins; the score is inspectorScore, else Normalized / 10. */
// biome-ignore format: one row per file
const SECURITYHUB_EVENTS: Expected[] = [
  // Compliance WARNING, Normalized 40.
  { file: 'asr-cis-1.4-warning', type: 'SECURITY_CONTROL', label: 'MEDIUM', score: 4, lifecycle: O },
  { file: 'asr-fsbp-ec2.7-informational-failed', type: 'SECURITY_CONTROL', label: 'INFORMATIONAL', score: 0, lifecycle: O },
  { file: 'jira-sample-cis-1.22-new-active', type: 'SECURITY_CONTROL', label: 'HIGH', score: 7, lifecycle: O },
  { file: 'jira-sample-cis-archived-new', type: 'SECURITY_CONTROL', label: 'HIGH', score: 7, lifecycle: 'RESOLVED' },
  { file: 'jira-sample-cis-archived-notified', type: 'SECURITY_CONTROL', label: 'HIGH', score: 7, lifecycle: 'RESOLVED' },
];

// biome-ignore format: one row per file
const ASFF_SINGLE_FINDINGS: Expected[] = [
  // LOW with Normalized 1.
  { file: 'access-analyzer-s3-cross-account', type: 'RESOURCE_ACCESS', label: 'LOW', score: 0.1, lifecycle: O },
  { file: 'control-cis120-2.7-failed', type: 'SECURITY_CONTROL', label: 'MEDIUM', score: 4, lifecycle: O },
  { file: 'control-cis140-3.7', type: 'SECURITY_CONTROL', label: 'MEDIUM', score: 4, lifecycle: O },
  // Normalized is the string "40".
  { file: 'control-consolidated-cloudtrail2', type: 'SECURITY_CONTROL', label: 'MEDIUM', score: 4, lifecycle: O },
  { file: 'control-ct-service-managed-cloudtrail2', type: 'SECURITY_CONTROL', label: 'MEDIUM', score: 4, lifecycle: O },
  { file: 'control-fsbp-cloudtrail2-failed', type: 'SECURITY_CONTROL', label: 'MEDIUM', score: 4, lifecycle: O },
  { file: 'control-nist-cloudtrail2', type: 'SECURITY_CONTROL', label: 'MEDIUM', score: 4, lifecycle: O },
  { file: 'control-pcidss-cloudtrail1', type: 'SECURITY_CONTROL', label: 'MEDIUM', score: 4, lifecycle: O },
  // GHSA, no inspectorScore product field: Normalized 40.
  { file: 'defectdojo-getfindings-inspector2-ec2-ghsa', type: 'PACKAGE_VULNERABILITY', label: 'MEDIUM', score: 4, lifecycle: O },
  // No Vulnerabilities, but a CVE type and inspectorScore "10.0".
  { file: 'defectdojo-getfindings-inspector2-ec2-no-vulnerabilities', type: 'PACKAGE_VULNERABILITY', label: 'CRITICAL', score: 10, lifecycle: O },
  // Compliance PASSED; lower-case `findings` key.
  { file: 'defectdojo-getfindings-securityhub-control-one', type: 'SECURITY_CONTROL', label: 'INFORMATIONAL', score: 0, lifecycle: 'RESOLVED' },
  { file: 'guardduty-ssh-bruteforce', type: 'THREAT_DETECTION', label: 'MEDIUM', score: 4, lifecycle: O },
  // Inspector Classic: Normalized 40 is read before Original "6.0".
  { file: 'inspector-classic-network-reachability', type: 'NETWORK_REACHABILITY', label: 'MEDIUM', score: 4, lifecycle: O },
];

/** ASFF listings: the kind expected for every finding of the file. */
// biome-ignore format: one row per file
const ASFF_LISTINGS = [
  { file: 'defectdojo-getfindings-guardduty', type: 'THREAT_DETECTION', count: 4 },
  { file: 'defectdojo-getfindings-inspector2-ec2-cve', type: 'PACKAGE_VULNERABILITY', count: 5 },
  { file: 'defectdojo-getfindings-inspector2-ecr', type: 'PACKAGE_VULNERABILITY', count: 7 },
] as const;

/**
 * Inspector2 API findings without inspectorScore, read by hand (every other
 * one is checked against its own inspectorScore and severity).
 */
// biome-ignore format: one row per file
const API_FINDINGS_WITHOUT_SCORE: Record<string, { label: string; score: number | undefined }> = {
  // cvss: [], vendorSeverity "not yet assigned".
  'defectdojo-listfindings-many-ecr-ec2-untriaged-closed#1': { label: 'UNTRIAGED', score: undefined },
  'defectdojo-listfindings-many-ecr-ec2-untriaged-closed#3': { label: 'UNTRIAGED', score: undefined },
  // Only an NVD 2.0 score of 2.6.
  'defectdojo-listfindings-many-ecr-ec2-untriaged-closed#7': { label: 'LOW', score: 2.6 },
  // Only a CVSS 4.0 score (8.7), which does not score: Inspector's HIGH.
  'defectdojo-listfindings-lambda-package-and-code#16': { label: 'HIGH', score: undefined },
  // CODE_VULNERABILITY: no score at all.
  'defectdojo-listfindings-lambda-package-and-code#18': { label: 'HIGH', score: undefined },
};

const IGNORED_FOLDERS = [
  'inspector2-scan',
  'inspector2-coverage',
  'securityhub-custom-action',
  'securityhub-insight-results',
  'securityhub-v2-ocsf',
  'inspector-classic-sns',
  'related',
];

const HANDLED_FOLDERS = [
  'inspector2-finding',
  'securityhub-imported',
  'asff-findings',
  'inspector2-api-findings',
];

const assertExpected = (finding: Finding, expected: Expected) => {
  expect(finding.type).toBe(expected.type);
  expect(finding.severity.label).toBe(expected.label);
  expect(finding.severity.score).toBe(expected.score);
  expect(finding.status.lifecycle).toBe(expected.lifecycle);
};

const asffFindingsIn = (file: string) =>
  findingsOf(readCorpus('asff-findings', file));

const EPOCH = new Date(0).toISOString();

describe.skipIf(!corpusExists)('Corpus: the shared sample corpus', () => {
  it('has only folders this test knows', () => {
    // Assess
    expect(corpusFolders()).toEqual(
      [...HANDLED_FOLDERS, ...IGNORED_FOLDERS].sort()
    );
  });

  describe('inspector2-finding (EventBridge events)', () => {
    it('has an expectation for every file', () => {
      expect(corpusFiles('inspector2-finding')).toEqual(
        INSPECTOR2_EVENTS.map(({ file }) => file).sort()
      );
    });

    it.each(INSPECTOR2_EVENTS)('reads $file as $label $score', (expected) => {
      // Act
      const finding = onlyFinding(
        readCorpus('inspector2-finding', expected.file)
      );

      // Assess
      assertExpected(finding, expected);
      expect(finding.updatedAt).not.toBe(EPOCH);
    });
  });

  describe('securityhub-imported (EventBridge events)', () => {
    it('has an expectation for every file', () => {
      expect(corpusFiles('securityhub-imported')).toEqual(
        SECURITYHUB_EVENTS.map(({ file }) => file).sort()
      );
    });

    it.each(SECURITYHUB_EVENTS)('reads $file as $label $score', (expected) => {
      // Act
      const finding = onlyFinding(
        readCorpus('securityhub-imported', expected.file)
      );

      // Assess
      assertExpected(finding, expected);
    });
  });

  describe('asff-findings (wrapped in an Imported envelope)', () => {
    it('has an expectation for every file', () => {
      expect(corpusFiles('asff-findings')).toEqual(
        [...ASFF_SINGLE_FINDINGS, ...ASFF_LISTINGS]
          .map(({ file }) => file)
          .sort()
      );
    });

    it.each(ASFF_SINGLE_FINDINGS)(
      'reads $file as $label $score',
      (expected) => {
        // Prepare
        const [asff, ...others] = asffFindingsIn(expected.file);
        if (!asff) throw new Error('no finding in the file');

        // Act
        const finding = onlyFinding(wrapped(asff));

        // Assess
        expect(others).toHaveLength(0);
        assertExpected(finding, expected);
        expect(finding.id).toBe(asff.Id);
      }
    );

    it.each(ASFF_LISTINGS)(
      'reads every finding of $file against its own Severity',
      ({ file, type, count }) => {
        // Prepare
        const listing = asffFindingsIn(file);

        // Act
        const findings = listing.map((asff) => onlyFinding(wrapped(asff)));

        // Assess
        expect(findings).toHaveLength(count);
        findings.forEach((finding, index) => {
          const asff = listing[index] as Json & {
            Id: string;
            Severity: { Label: string; Normalized: number };
            ProductFields?: Record<string, string>;
          };
          const inspectorScore =
            asff.ProductFields?.['aws/inspector/inspectorScore'];
          expect(finding.id).toBe(asff.Id);
          expect(finding.type).toBe(type);
          expect(finding.severity.label).toBe(asff.Severity.Label);
          expect(finding.severity.score).toBe(
            inspectorScore === undefined
              ? asff.Severity.Normalized / 10
              : Number(inspectorScore)
          );
        });
      }
    );
  });

  describe('inspector2-api-findings (wrapped in an Inspector2 Finding envelope)', () => {
    const files = corpusFiles('inspector2-api-findings');
    const all = files.flatMap((file) =>
      findingsOf(readCorpus('inspector2-api-findings', file)).map(
        (detail, index) => ({ key: `${file}#${index}`, detail })
      )
    );

    it('reads the three listings, 37 findings', () => {
      expect(files).toHaveLength(3);
      expect(all).toHaveLength(37);
    });

    it.each(all)(
      'reads $key against its own type, severity and inspectorScore',
      ({ key, detail }) => {
        // Prepare
        const inspectorScore = parseScore(detail.inspectorScore);

        // Act
        const finding = onlyFinding(wrapped(detail));

        // Assess
        expect(finding.id).toBe(detail.findingArn);
        expect(finding.type).toBe(detail.type);
        expect(finding.updatedAt).not.toBe(EPOCH);
        if (inspectorScore !== undefined) {
          expect(finding.severity.label).toBe(detail.severity);
          expect(finding.severity.score).toBe(inspectorScore);
        } else {
          expect(API_FINDINGS_WITHOUT_SCORE[key]).toEqual({
            label: finding.severity.label,
            score: finding.severity.score,
          });
        }
        if (detail.severity === 'UNTRIAGED') {
          expect(finding.severity.label).toBe('UNTRIAGED');
          expect(finding.severity).not.toHaveProperty('score');
        }
      }
    );
  });

  it('agrees with Inspector on the label of all 36 findings with an inspectorScore', () => {
    // Prepare
    const details = [
      ...corpusFiles('inspector2-finding').map(
        (file) =>
          (readCorpus('inspector2-finding', file) as { detail: Json }).detail
      ),
      ...corpusFiles('inspector2-api-findings').flatMap((file) =>
        findingsOf(readCorpus('inspector2-api-findings', file))
      ),
    ].filter((detail) => typeof detail.inspectorScore === 'number');

    // Act
    const labels = details.map(
      (detail) => onlyFinding(wrapped(detail)).severity.label
    );

    // Assess
    expect(details).toHaveLength(36);
    expect(labels).toEqual(details.map((detail) => detail.severity));
  });

  describe('kinds not handled', () => {
    const inputs = IGNORED_FOLDERS.flatMap((folder) =>
      corpusFiles(folder).flatMap((file) =>
        eventsOf(readCorpus(folder, file)).map(({ event }, index) => ({
          where: `${folder}/${file}#${index}`,
          event,
        }))
      )
    );

    it.each(inputs)('ignores $where without throwing', ({ event }) => {
      // Act
      const parsed = parseEvent(event);

      // Assess
      expect(parsed.kind).toBe('ignored');
    });

    it.each([
      {
        file: 'securityhub-v2-ocsf/cruxstack-finding-guardduty-runtime-host-mount',
        reason: /^bare OCSF finding \(class_uid 2004\)/,
      },
      {
        file: 'securityhub-v2-ocsf/cruxstack-finding-guardduty-runtime-new-binary',
        reason: /^bare OCSF finding \(class_uid 2004\)/,
      },
      {
        file: 'securityhub-v2-ocsf/cruxstack-finding-securityhub-cspm-config-2.5',
        reason: /^bare OCSF finding \(class_uid 2003\)/,
      },
      {
        file: 'securityhub-v2-ocsf/findings-imported-v2-guardduty-suppressed-sumologic',
        reason: /^event kind "Findings Imported V2" from aws.securityhub/,
      },
      {
        file: 'inspector-classic-sns/assessment-run-completed-sns-lambda-event',
        reason: /^SNS notification .*\(Inspector Classic\)/,
      },
      {
        file: 'inspector-classic-sns/assessment-run-started-sns-lambda-event',
        reason: /^SNS notification .*\(Inspector Classic\)/,
      },
      {
        file: 'inspector-classic-sns/finding-reported-message-workshop',
        reason: /^Inspector Classic SNS message \(event FINDING_REPORTED\)/,
      },
    ])('says what $file is', ({ file, reason }) => {
      // Prepare
      const [folder = '', name = ''] = file.split('/');

      // Act
      const parsed = parseEvent(readCorpus(folder, name));

      // Assess
      expect(parsed.kind === 'ignored' && parsed.reason).toMatch(reason);
    });
  });
});
