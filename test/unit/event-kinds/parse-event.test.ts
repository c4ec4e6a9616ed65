import { describe, expect, it } from 'vitest';
import {
  handledEventKinds,
  type ParsedEvent,
  parseEvent,
} from '../../../src/event-kinds/parse-event.js';
import {
  anInspector2Event,
  aSecurityHubEvent,
  getTestEvent,
} from '../../helpers/events.js';

const inspectorEvent = anInspector2Event(
  'lambda-package-vuln-high-exploit-available-docs'
);
const securityHubEvent = aSecurityHubEvent('jira-sample-cis-1.22-new-active');

/** A loosely typed copy, for breaking the shape on purpose. */
const looseCopy = (event: object) =>
  structuredClone(event) as Record<string, unknown> & {
    detail: Record<string, unknown>;
  };

const reasonOf = (parsed: ParsedEvent) =>
  parsed.kind === 'findings' ? '' : parsed.reason;

describe('Function: parseEvent', () => {
  describe('handled kinds', () => {
    it('reads an Inspector2 Finding event into one finding with the event meta', () => {
      // Act
      const parsed = parseEvent(structuredClone(inspectorEvent));

      // Assess
      expect(parsed).toMatchObject({
        kind: 'findings',
        meta: {
          eventId: expect.any(String),
          source: 'aws.inspector2',
          detailType: 'Inspector2 Finding',
          account: '123456789012',
          region: 'eu-central-1',
        },
        findings: [
          {
            id: inspectorEvent.detail.findingArn,
            severity: { label: 'HIGH', score: 7.5 },
          },
        ],
      });
    });

    it('reads an OnDemand AMI Scan Findings event without id, account or time', () => {
      // Prepare
      const event = anInspector2Event('ondemand-ami-scan-finding-docs');

      // Act
      const parsed = parseEvent(event);

      // Assess
      expect(parsed.kind).toBe('findings');
      expect(parsed.meta).toEqual({
        source: 'inspector2.ami.ondemand',
        detailType: 'OnDemand AMI Scan Findings',
      });
    });

    it('reads a Security Hub Findings - Imported event', () => {
      // Act
      const parsed = parseEvent(structuredClone(securityHubEvent));

      // Assess
      expect(parsed).toMatchObject({
        kind: 'findings',
        findings: [{ source: 'securityhub', type: 'SECURITY_CONTROL' }],
      });
    });

    it('reads every finding of an Imported event that holds several', () => {
      // Prepare
      const event = structuredClone(securityHubEvent);
      const [finding] = event.detail.findings;
      if (!finding) throw new Error('the sample has no finding');
      event.detail.findings.push({ ...finding, Id: `${finding.Id}-2` });

      // Act
      const parsed = parseEvent(event);

      // Assess
      expect(parsed.kind === 'findings' && parsed.findings.length).toBe(2);
    });

    it('lists the handled kinds', () => {
      // Assess
      expect(handledEventKinds()).toEqual([
        { source: 'aws.inspector2', detailType: 'Inspector2 Finding' },
        {
          source: 'inspector2.ami.ondemand',
          detailType: 'OnDemand AMI Scan Findings',
        },
        {
          source: 'aws.securityhub',
          detailType: 'Security Hub Findings - Imported',
        },
        { source: 'aws.securityhub', detailType: 'Findings Imported V2' },
        { source: 'aws.inspector2', detailType: 'Inspector2 Coverage' },
        { source: 'aws.inspector2', detailType: 'Inspector2 Scan' },
        {
          source: 'aws.inspector2',
          detailType: 'Inspector2 OnDemand Scan Complete',
        },
        {
          source: 'aws.securityhub',
          detailType: 'Security Hub Findings - Custom Action',
        },
      ]);
    });
  });

  describe('malformed events', () => {
    it.each([
      {
        case: 'detail is missing',
        breakIt: (event: Record<string, unknown>) => {
          delete event.detail;
        },
        path: 'detail:',
      },
      {
        case: 'detail is a string',
        breakIt: (event: Record<string, unknown>) => {
          event.detail = 'finding';
        },
        path: 'detail:',
      },
      {
        case: 'detail is an array',
        breakIt: (event: Record<string, unknown>) => {
          event.detail = [inspectorEvent.detail];
        },
        path: 'detail:',
      },
      {
        case: 'detail-type is missing',
        breakIt: (event: Record<string, unknown>) => {
          delete event['detail-type'];
        },
        path: 'detail-type:',
      },
      {
        case: 'source is a number',
        breakIt: (event: Record<string, unknown>) => {
          event.source = 2;
        },
        path: 'source:',
      },
      {
        case: 'resources is not a list of strings',
        breakIt: (event: Record<string, unknown>) => {
          event.resources = [{ id: 'i-1' }];
        },
        path: 'resources[0]:',
      },
    ])(
      'rejects an event whose $case, naming the field',
      ({ breakIt, path }) => {
        // Prepare
        const event = looseCopy(inspectorEvent);
        breakIt(event);

        // Act
        const parsed = parseEvent(event);

        // Assess
        expect(parsed.kind).toBe('rejected');
        expect(reasonOf(parsed)).toContain(path);
      }
    );

    it.each([
      {
        case: 'inspectorScore is "high"',
        change: { inspectorScore: 'high' },
        path: 'detail.inspectorScore:',
      },
      {
        case: 'resources is an object',
        change: { resources: {} },
        path: 'detail.resources:',
      },
      {
        case: 'resources is empty',
        change: { resources: [] },
        path: 'detail.resources:',
      },
      {
        case: 'the status is unknown',
        change: { status: 'RESOLVED' },
        path: 'detail.status:',
      },
      {
        case: 'the severity is unknown',
        change: { severity: 'SEVERE' },
        path: 'detail.severity:',
      },
      {
        case: 'findingArn is missing',
        change: { findingArn: undefined },
        path: 'detail.findingArn:',
      },
      {
        case: 'a CVSS base score is a string',
        change: {
          packageVulnerabilityDetails: {
            vulnerabilityId: 'CVE-2023-30861',
            cvss: [{ baseScore: '7.5', version: '3.1' }],
          },
        },
        path: 'detail.packageVulnerabilityDetails.cvss[0].baseScore:',
      },
    ])(
      'rejects an Inspector2 finding whose $case, naming the field',
      ({ change, path }) => {
        // Prepare
        const event = looseCopy(inspectorEvent);
        Object.assign(event.detail, change);

        // Act
        const parsed = parseEvent(event);

        // Assess
        expect(parsed.kind).toBe('rejected');
        expect(reasonOf(parsed)).toContain(path);
      }
    );

    it('rejects an Imported event with an empty findings array', () => {
      // Prepare
      const event = looseCopy(securityHubEvent);
      event.detail.findings = [];

      // Act
      const parsed = parseEvent(event);

      // Assess
      expect(parsed.kind).toBe('rejected');
      expect(reasonOf(parsed)).toContain('detail.findings:');
    });

    it.each([
      { field: 'Severity', path: 'detail.findings[0].Severity:' },
      { field: 'Resources', path: 'detail.findings[0].Resources:' },
      { field: 'Id', path: 'detail.findings[0].Id:' },
    ])(
      'rejects a finding without $field, naming the field',
      ({ field, path }) => {
        // Prepare
        const event = looseCopy(securityHubEvent);
        const [finding] = event.detail.findings as Record<string, unknown>[];
        if (finding) delete finding[field];

        // Act
        const parsed = parseEvent(event);

        // Assess
        expect(parsed.kind).toBe('rejected');
        expect(reasonOf(parsed)).toContain(path);
      }
    );

    it('rejects a Severity with neither a label nor a usable number', () => {
      // Prepare
      const event = structuredClone(securityHubEvent);
      const [finding] = event.detail.findings;
      if (finding) finding.Severity = { Label: 'SEVERE', Normalized: 400 };

      // Act
      const parsed = parseEvent(event);

      // Assess
      expect(parsed.kind).toBe('rejected');
      expect(reasonOf(parsed)).toMatch(
        /^detail\.findings\[0\]\.Severity: needs Label/
      );
    });

    it('names at most five problems and counts the rest', () => {
      // Prepare
      const event = looseCopy(securityHubEvent);
      event.detail.findings = [{}];

      // Act
      const parsed = parseEvent(event);

      // Assess
      expect(reasonOf(parsed).split('; ')).toHaveLength(6);
      expect(reasonOf(parsed)).toMatch(/; and \d+ more$/);
    });

    it('keeps the meta of a rejected event, for the logs', () => {
      // Prepare
      const event: Record<string, unknown> = looseCopy(inspectorEvent);
      delete event.detail;

      // Act
      const parsed = parseEvent(event);

      // Assess
      expect(parsed.meta).toMatchObject({
        eventId: inspectorEvent.id,
        source: 'aws.inspector2',
        detailType: 'Inspector2 Finding',
      });
    });

    it.each([
      { case: 'null', raw: null, received: 'null' },
      { case: 'an array', raw: [inspectorEvent], received: 'array' },
      {
        case: 'a string',
        raw: JSON.stringify(inspectorEvent),
        received: 'string',
      },
      { case: 'a number', raw: 42, received: 'number' },
      { case: 'undefined', raw: undefined, received: 'undefined' },
    ])('rejects $case as not an event object', ({ raw, received }) => {
      // Act
      const parsed = parseEvent(raw);

      // Assess
      expect(parsed).toEqual({
        kind: 'rejected',
        meta: {},
        reason: `(event): expected an EventBridge event object, received ${received}`,
      });
    });
  });

  describe('kinds not handled', () => {
    it.each([
      { source: 'aws.inspector2', detailType: 'Inspector2 AutoEnable' },
      { source: 'aws.securityhub', detailType: 'Security Hub Insight Results' },
      { source: 'aws.guardduty', detailType: 'Inspector2 Finding' },
    ])(
      'ignores "$detailType" from $source, saying so',
      ({ source, detailType }) => {
        // Prepare
        const event = looseCopy(inspectorEvent);
        event.source = source;
        event['detail-type'] = detailType;

        // Act
        const parsed = parseEvent(event);

        // Assess
        expect(parsed).toMatchObject({
          kind: 'ignored',
          reason: `event kind "${detailType}" from ${source} is not handled`,
        });
      }
    );

    it('ignores a kind not handled even when its detail is not a finding', () => {
      // Prepare
      const event = getTestEvent('ignored', 'securityhub-insight-results');

      // Act
      const parsed = parseEvent(event);

      // Assess
      expect(parsed.kind).toBe('ignored');
    });
  });

  describe('inputs that are not EventBridge events', () => {
    it('ignores an SNS Lambda event, saying it is an SNS notification', () => {
      // Prepare
      const event = {
        Records: [
          {
            EventSource: 'aws:sns',
            Sns: {
              Type: 'Notification',
              Message: '{"event":"ASSESSMENT_RUN_COMPLETED"}',
            },
          },
        ],
      };

      // Act
      const parsed = parseEvent(event);

      // Assess
      expect(parsed.kind).toBe('ignored');
      expect(reasonOf(parsed)).toMatch(
        /^SNS notification .* not handled \(Inspector Classic\)/
      );
    });

    it('ignores an Inspector Classic SNS message, naming its event', () => {
      // Prepare
      const message = {
        template:
          'arn:aws:inspector:us-east-1:123456789012:target/0-a/template/0-b',
        run: 'arn:aws:inspector:us-east-1:123456789012:target/0-a/template/0-b/run/0-c',
        time: '2019-04-09T00:00:01.401Z',
        event: 'FINDING_REPORTED',
        target: 'arn:aws:inspector:us-east-1:123456789012:target/0-a',
      };

      // Act
      const parsed = parseEvent(message);

      // Assess
      expect(parsed.kind).toBe('ignored');
      expect(reasonOf(parsed)).toMatch(
        /^Inspector Classic SNS message \(event FINDING_REPORTED\) is not handled/
      );
    });

    it('ignores a bare OCSF finding, naming its class (replay wraps it)', () => {
      // Prepare
      const finding = {
        class_uid: 2004,
        class_name: 'Detection Finding',
        metadata: { product: { name: 'GuardDuty' }, version: '1.5.0' },
        severity_id: 2,
        time: 1_700_000_000_000,
      };

      // Act
      const parsed = parseEvent(finding);

      // Assess
      expect(parsed.kind).toBe('ignored');
      expect(reasonOf(parsed)).toMatch(
        /^bare OCSF finding \(class_uid 2004\) is not an EventBridge event/
      );
    });

    it.each([
      {
        case: 'Records of another service',
        raw: { Records: [{ eventSource: 'aws:sqs', body: '{}' }] },
      },
      { case: 'an empty object', raw: {} },
      { case: 'a class_uid without metadata', raw: { class_uid: 2004 } },
      {
        case: 'an envelope key beside SNS records',
        raw: { source: 'aws.sns', Records: [{ EventSource: 'aws:sns' }] },
      },
    ])('still rejects $case', ({ raw }) => {
      // Act
      const parsed = parseEvent(raw);

      // Assess
      expect(parsed.kind).toBe('rejected');
    });
  });
});
