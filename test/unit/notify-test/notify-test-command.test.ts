import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AuthorizationErrorException,
  InvalidParameterException,
  KMSAccessDeniedException,
  NotFoundException,
  PublishCommand,
  SNSClient,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { notifyTestCommand } from '../../../src/notify-test/notify-test-command.js';
import { regionalSnsClients } from '../../../src/publish/regional-sns-clients.js';
import { EVENTS_DIR, REPO_ROOT } from '../../helpers/events.js';

const CONFIG = join(REPO_ROOT, 'config/example.yaml');
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:findings-security';

const configWith = (text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'notify-test-')), 'c.yaml');
  writeFileSync(path, text);
  return path;
};

const run = async (
  argv: readonly string[],
  clientRegion?: (topicRegion: string) => string
) => {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await notifyTestCommand(argv, {
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
    now: () => new Date('2026-06-01T00:00:00Z'),
    defaults: { config: CONFIG, events: EVENTS_DIR },
    clientFor: regionalSnsClients(
      (region) =>
        new SNSClient({
          region: clientRegion?.(region) ?? region,
          credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' },
        })
    ),
  });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
};

const serviceError = <T>(
  ErrorClass: new (options: { message: string; $metadata: object }) => T,
  message: string
) => new ErrorClass({ message, $metadata: {} });

describe('Command: notify-test', () => {
  const sns = mockClient(SNSClient);

  beforeEach(() => {
    sns.reset();
  });

  it('prints what it would publish and publishes nothing without --send', async () => {
    // Act
    const result = await run(['--route', 'security-critical']);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'notify-test: dry run, nothing published (add --send to publish) — route "security-critical"'
    );
    expect(result.stdout).toContain(`  topic:      ${TOPIC}`);
    expect(result.stdout).toContain('  region:     us-east-1');
    expect(result.stdout).toContain('  format:     chatbot');
    expect(result.stdout).toMatch(
      /^ {2}subject: {4}\[(CRITICAL|HIGH)[^\]]*\] /m
    );
    expect(result.stdout).toMatch(/^ {2}body: {7}\d+ bytes$/m);
    expect(result.stdout).toMatch(
      /^ {2}attributes: severity=\w+, .*route=security-critical/m
    );
    expect(result.stderr).toBe('');
    expect(sns).not.toReceiveAnyCommand();
  });

  it('publishes the rendered sample to the route topic with --send', async () => {
    // Prepare
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });

    // Act
    const result = await run(['--route', 'security-critical', '--send']);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('published: message id m-1');
    expect(sns).toReceiveCommandTimes(PublishCommand, 1);
    const [call] = sns.commandCalls(PublishCommand);
    const input = call?.args[0].input;
    expect(input?.TopicArn).toBe(TOPIC);
    expect(result.stdout).toContain(`  subject:    ${input?.Subject}`);
    expect(JSON.parse(input?.Message ?? '')).toMatchObject({
      version: '1.0',
      source: 'custom',
    });
    expect(input?.MessageAttributes?.route).toEqual({
      DataType: 'String',
      StringValue: 'security-critical',
    });
  });

  it('publishes with a client in the topic’s Region', async () => {
    // Prepare
    const regions: string[] = [];
    sns.on(PublishCommand).callsFake(async (_input, getClient) => {
      regions.push(await getClient().config.region());
      return { MessageId: 'm-2' };
    });
    const config = configWith(
      'routes:\n  - { name: eu, topicArn: "arn:aws:sns:eu-west-1:123456789012:eu" }\n'
    );

    // Act
    const result = await run(['--route', 'eu', '--send', '--config', config]);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  region:     eu-west-1');
    expect(regions).toEqual(['eu-west-1']);
  });

  it.each([
    {
      case: 'no credentials',
      error: Object.assign(
        new Error('Could not load credentials from any providers'),
        { name: 'CredentialsProviderError' }
      ),
      says: [
        'no AWS credentials found (CredentialsProviderError: Could not load credentials from any providers)',
        'set AWS_PROFILE',
        'aws sso login',
      ],
    },
    {
      case: 'expired credentials',
      error: Object.assign(new Error('The security token has expired'), {
        name: 'ExpiredToken',
      }),
      says: ['your AWS credentials have expired', 'aws sso login'],
    },
    {
      case: 'credentials SNS does not accept (or a Region not enabled)',
      error: Object.assign(new Error('The security token is invalid'), {
        name: 'InvalidClientTokenId',
      }),
      says: [
        'SNS in us-east-1 does not accept your credentials',
        'opt-in Region not enabled for your account',
      ],
    },
    {
      case: 'no sns:Publish permission',
      error: serviceError(
        AuthorizationErrorException,
        'User is not authorized to perform: SNS:Publish'
      ),
      says: [
        `you may not publish to ${TOPIC} (AuthorizationErrorException: User is not authorized`,
        'needs sns:Publish on this topic',
        'aws sts get-caller-identity',
      ],
    },
    {
      case: 'AccessDenied',
      error: Object.assign(new Error('Access denied'), {
        name: 'AccessDenied',
      }),
      says: [`you may not publish to ${TOPIC}`, 'sns:Publish'],
    },
    {
      case: 'no use of the topic’s KMS key',
      error: serviceError(KMSAccessDeniedException, 'KMS access denied'),
      says: [
        `${TOPIC} is encrypted with a KMS key you may not use (KMSAccessDeniedException`,
        'kms:GenerateDataKey* and kms:Decrypt',
      ],
    },
    {
      case: 'a disabled KMS key',
      error: Object.assign(new Error('key disabled'), { name: 'KMSDisabled' }),
      says: [`${TOPIC} is encrypted with a KMS key SNS cannot use`],
    },
    {
      case: 'a topic that does not exist',
      error: serviceError(NotFoundException, 'Topic does not exist'),
      says: [
        `${TOPIC} does not exist (NotFoundException: Topic does not exist)`,
        'no topic of that name in account 123456789012, Region us-east-1',
      ],
    },
    {
      case: 'SNS out of reach',
      error: Object.assign(new Error('getaddrinfo ENOTFOUND'), {
        name: 'TimeoutError',
      }),
      says: ['could not reach SNS in us-east-1'],
    },
    {
      case: 'anything else',
      error: serviceError(InvalidParameterException, 'Invalid parameter'),
      says: [`SNS refused the message to ${TOPIC} (InvalidParameterException`],
    },
  ])('exits 1 and says what to do on $case', async ({ error, says }) => {
    // Prepare
    sns.on(PublishCommand).rejects(error);

    // Act
    const result = await run(['--route', 'security-critical', '--send']);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('published:');
    for (const text of says) expect(result.stderr).toContain(text);
  });

  it('says when the call went to another Region than the topic’s', async () => {
    // Prepare
    sns
      .on(PublishCommand)
      .rejects(
        serviceError(InvalidParameterException, 'Invalid parameter: TopicArn')
      );

    // Act
    const result = await run(
      ['--route', 'security-critical', '--send'],
      () => 'eu-west-1'
    );

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'notify-test: the topic is in us-east-1 but the call went to SNS in eu-west-1 (InvalidParameterException: Invalid parameter: TopicArn): SNS only publishes to topics in the Region it is called in'
    );
  });

  it('exits 2 for an unknown route, with a guess and the route names', async () => {
    // Act
    const result = await run(['--route', 'security-critcal', '--send']);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `notify-test: no route "security-critcal" in ${CONFIG}; did you mean "security-critical"? (routes: security-critical, network-exposure, team-payments, compliance-and-threats)`
    );
    expect(sns).not.toReceiveAnyCommand();
  });

  it.each([
    { case: 'no --route', argv: [], says: 'name a route: --route NAME' },
    {
      case: 'an unknown option',
      argv: ['--route', 'x', '--topic', 'y'],
      says: "Unknown option '--topic'",
    },
  ])('exits 2 with the usage for $case', async ({ argv, says }) => {
    // Act
    const result = await run(argv);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(says);
    expect(result.stderr).toContain(
      'Usage: npm run notify-test -- --route NAME'
    );
  });

  it('prints the usage on --help', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run notify-test/);
  });

  it('exits 2 for an invalid or missing config file', async () => {
    // Act
    const invalid = await run([
      '--route',
      'r',
      '--config',
      configWith('routes:\n  - name: r\n    topicArn: nope\n'),
    ]);
    const missing = await run(['--route', 'r', '--config', 'no/such.yaml']);

    // Assess
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(
      /route "r", topicArn \(line 3, column 15\): expected a standard SNS topic ARN/
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read it');
  });

  it('exits 2 when the sample events hold no finding', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'no-samples-'));

    // Act
    const result = await run(['--route', 'security-critical', '--events', dir]);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`notify-test: ${dir}: no sample finding in it`);
  });

  it('warns, and renders the first sample, when no sample reaches the route', async () => {
    // Prepare
    const config = configWith(
      [
        'routes:',
        '  - name: nothing',
        '    topicArn: arn:aws:sns:us-east-1:123456789012:t',
        '    format: text',
        '    perProtocol: true',
        '    match: { title: "no finding is called this" }',
      ].join('\n')
    );

    // Act
    const result = await run(['--route', 'nothing', '--config', config]);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '  format:     text (per protocol, MessageStructure json)'
    );
    expect(result.stderr).toContain('warning: no sample finding in');
    expect(result.stderr).toContain('reaches route "nothing"');
  });
});
