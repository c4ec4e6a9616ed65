import { describe, expect, it } from 'vitest';
import {
  MAX_ATTRIBUTES,
  messageAttributes,
} from '../../../src/formatters/message-attributes.js';
import { aFinding } from '../../helpers/a-finding.js';

describe('Function: messageAttributes', () => {
  it('gives subscribers severity, provider, product, type, account, region and route', () => {
    expect(messageAttributes(aFinding(), 'security')).toEqual({
      severity: 'HIGH',
      provider: 'Amazon',
      product: 'Inspector',
      findingType: 'PACKAGE_VULNERABILITY',
      account: '123456789012',
      region: 'eu-west-1',
      route: 'security',
      lifecycle: 'OPEN',
    });
  });

  it('never sends an empty value, a control character or more than 256 characters', () => {
    // Act
    const attributes = messageAttributes(
      aFinding({
        company: '',
        product: `a\u0000b\nc${'x'.repeat(1000)}`,
        region: ' \t ',
      }),
      'r'
    );

    // Assess
    expect(attributes.provider).toBe('unknown');
    expect(attributes.region).toBe('unknown');
    expect(attributes.product?.startsWith('a b c')).toBe(true);
    expect(attributes.product?.length).toBeLessThanOrEqual(256);
    expect(Object.keys(attributes).length).toBeLessThanOrEqual(MAX_ATTRIBUTES);
  });
});
