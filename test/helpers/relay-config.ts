import { parseConfig } from '../../src/config/parse-config.js';

/** Two relayed routes on one topic, one on another, one route not relayed. */
export const RELAY_CONFIG_TEXT = `
routes:
  - name: serious
    topicArn: arn:aws:sns:us-east-1:123456789012:findings-security
    format: slack
    match: { severity: { min: HIGH } }
    slack: { webhookSecret: notifier/slack-security }
  - name: the-rest
    topicArn: arn:aws:sns:us-east-1:123456789012:findings-security
    format: slack
    slack: { webhookSecret: notifier/slack-security }
  - name: network
    topicArn: arn:aws:sns:us-east-1:123456789012:findings-network
    format: slack
    perProtocol: true
    slack: { webhookSecret: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:notifier/slack-network-AbCdEf' }
  - name: chatbot
    topicArn: arn:aws:sns:us-east-1:123456789012:findings-security
    format: chatbot
`;

export const RELAY_CONFIG = parseConfig(RELAY_CONFIG_TEXT, 'inline');
