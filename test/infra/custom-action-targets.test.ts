import { App } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { addNagChecks } from '../../infra/cdk/create-app.js';
import { FindingsNotifierStack } from '../../infra/cdk/stack.js';
import { loadNotifierConfig } from '../../infra/notifier-config.js';
import { parseConfig } from '../../src/config/parse-config.js';
import {
  ensureBundle,
  type Synthesized,
  synthesize,
} from '../helpers/synth.js';

const SEND_TO_SLACK = {
  id: 'SendToSlack',
  name: 'Send to Slack',
  description: 'Posts the selected findings to the security channel',
};

describe('CDK: Security Hub custom actions', () => {
  let synth: Synthesized;

  beforeAll(() => {
    synth = synthesize((app) => {
      addNagChecks(app);
      return new FindingsNotifierStack(app, 'custom-actions', {
        notifier: {
          config: loadNotifierConfig('config/notices.yaml').config,
          customActions: [SEND_TO_SLACK],
        },
      });
    });
  });

  it('creates the action target and the rule that brings its events to the function', () => {
    synth.template.resourceCountIs('AWS::SecurityHub::ActionTarget', 1);
    synth.template.hasResourceProperties('AWS::SecurityHub::ActionTarget', {
      Id: 'SendToSlack',
      Name: 'Send to Slack',
      Description: 'Posts the selected findings to the security channel',
    });
    synth.template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.securityhub'],
        'detail-type': ['Security Hub Findings - Custom Action'],
      },
      State: 'ENABLED',
    });
    synth.template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.inspector2'],
        'detail-type': ['Inspector2 Coverage'],
      },
    });
  });

  it('passes cdk-nag with no error', () => {
    expect(synth.nag.map((report) => report.pluginName).sort()).toEqual([
      'AwsSolutions',
      'Serverless',
    ]);
    for (const report of synth.nag) {
      expect(report.violations, report.pluginName).toEqual([]);
    }
  });

  it.each([
    {
      case: 'no route serves custom actions',
      config: 'config/example.yaml',
      action: SEND_TO_SLACK,
      says: 'no route serves custom actions',
    },
    {
      case: 'an id that is not 1-20 letters and digits',
      config: 'config/notices.yaml',
      action: { ...SEND_TO_SLACK, id: 'send-to-slack' },
      says: 'id "send-to-slack": use 1-20 letters and digits',
    },
  ])('refuses $case at synth', ({ config, action, says }) => {
    ensureBundle();
    const app = new App();
    expect(
      () =>
        new FindingsNotifierStack(app, 'refused', {
          notifier: {
            config:
              config === 'config/example.yaml'
                ? loadNotifierConfig(config).config
                : parseConfig(
                    "routes: [{ name: s, topicArn: 'arn:aws:sns:us-east-1:123456789012:s', match: { customAction: SendToSlack } }]",
                    'inline'
                  ),
            customActions: [action],
          },
        })
    ).toThrow(says);
  });
});
