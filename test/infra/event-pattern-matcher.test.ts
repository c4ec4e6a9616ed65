import { describe, expect, it } from 'vitest';
import type { EventPattern } from '../../src/event-kinds/event-pattern.js';
import {
  matchesPattern,
  patternLeaves,
} from '../helpers/event-pattern-matcher.js';

const event = {
  source: 'aws.inspector2',
  'detail-type': 'Inspector2 Finding',
  resources: ['i-0123', 'arn:aws:ec2:eu-west-1:123456789012:instance/i-0123'],
  detail: {
    severity: 'HIGH',
    inspectorScore: 7.5,
    status: 'ACTIVE',
    findings: [
      { Severity: { Label: 'LOW' }, Workflow: { Status: 'NEW' } },
      { Severity: { Label: 'CRITICAL' }, Workflow: { Status: 'NOTIFIED' } },
    ],
  },
};

describe('Helper: matchesPattern', () => {
  it.each<{ case: string; pattern: EventPattern; expected: boolean }>([
    {
      case: 'exact value in the list',
      pattern: { source: ['x', 'aws.inspector2'] },
      expected: true,
    },
    {
      case: 'no value in the list',
      pattern: { source: ['aws.securityhub'] },
      expected: false,
    },
    {
      case: 'values are case-sensitive',
      pattern: { detail: { severity: ['high'] } },
      expected: false,
    },
    {
      case: 'a comma-joined string is one literal',
      pattern: { detail: { severity: ['MEDIUM,HIGH,CRITICAL'] } },
      expected: false,
    },
    {
      case: 'separate strings are OR-ed',
      pattern: { detail: { severity: ['MEDIUM', 'HIGH', 'CRITICAL'] } },
      expected: true,
    },
    {
      case: 'fields are AND-ed (one fails)',
      pattern: { source: ['aws.inspector2'], detail: { status: ['CLOSED'] } },
      expected: false,
    },
    {
      case: 'fields are AND-ed (all hold)',
      pattern: { source: ['aws.inspector2'], detail: { status: ['ACTIVE'] } },
      expected: true,
    },
    {
      case: 'an event array matches on intersection',
      pattern: { resources: ['i-0123'] },
      expected: true,
    },
    {
      case: 'an event array with no common value',
      pattern: { resources: ['i-9999'] },
      expected: false,
    },
    {
      case: 'arrays of objects are flattened',
      pattern: { detail: { findings: { Severity: { Label: ['CRITICAL'] } } } },
      expected: true,
    },
    {
      case: 'flattened leaves may hold in different elements',
      pattern: {
        detail: {
          findings: {
            Severity: { Label: ['CRITICAL'] },
            Workflow: { Status: ['NEW'] },
          },
        },
      },
      expected: true,
    },
    {
      case: 'prefix',
      pattern: { source: [{ prefix: 'aws.' }] },
      expected: true,
    },
    {
      case: 'prefix that does not match',
      pattern: { source: [{ prefix: 'custom.' }] },
      expected: false,
    },
    {
      case: 'anything-but a list',
      pattern: {
        detail: { status: [{ 'anything-but': ['CLOSED', 'SUPPRESSED'] }] },
      },
      expected: true,
    },
    {
      case: 'anything-but the value',
      pattern: { detail: { status: [{ 'anything-but': 'ACTIVE' }] } },
      expected: false,
    },
    {
      case: 'anything-but needs the field',
      pattern: { detail: { missing: [{ 'anything-but': ['x'] }] } },
      expected: false,
    },
    {
      case: 'exists true on a present field',
      pattern: { detail: { inspectorScore: [{ exists: true }] } },
      expected: true,
    },
    {
      case: 'exists true on an absent field',
      pattern: { detail: { epss: [{ exists: true }] } },
      expected: false,
    },
    {
      case: 'exists false on an absent field',
      pattern: { detail: { epss: [{ exists: false }] } },
      expected: true,
    },
    {
      case: 'exists false below an absent parent',
      pattern: { detail: { epss: { score: [{ exists: false }] } } },
      expected: true,
    },
    {
      case: 'exists false on a present field',
      pattern: { detail: { severity: [{ exists: false }] } },
      expected: false,
    },
    {
      case: 'numeric range holds',
      pattern: { detail: { inspectorScore: [{ numeric: ['>=', 7, '<', 9] }] } },
      expected: true,
    },
    {
      case: 'numeric range fails',
      pattern: { detail: { inspectorScore: [{ numeric: ['>=', 9] }] } },
      expected: false,
    },
    {
      case: 'numeric never matches a string',
      pattern: { detail: { severity: [{ numeric: ['>', 0] }] } },
      expected: false,
    },
    {
      case: '$or: one alternative holds',
      pattern: {
        detail: { $or: [{ severity: ['LOW'] }, { status: ['ACTIVE'] }] },
      },
      expected: true,
    },
    {
      case: '$or: none holds',
      pattern: {
        detail: { $or: [{ severity: ['LOW'] }, { status: ['CLOSED'] }] },
      },
      expected: false,
    },
    {
      case: 'a missing field never matches a value',
      pattern: { detail: { missing: ['x'] } },
      expected: false,
    },
  ])('$case', ({ pattern, expected }) => {
    // Act
    const matched = matchesPattern(pattern, event);

    // Assess
    expect(matched).toBe(expected);
  });

  it('throws on a bare string leaf, which EventBridge refuses', () => {
    // Prepare
    const pattern = { source: 'aws.inspector2' } as unknown as EventPattern;

    // Act & Assess
    expect(() => matchesPattern(pattern, event)).toThrow(/must be arrays/);
  });

  it('throws on an operator it does not implement', () => {
    // Prepare
    const pattern = {
      source: [{ wildcard: 'aws.*' }],
    } as unknown as EventPattern;

    // Act & Assess
    expect(() => matchesPattern(pattern, event)).toThrow(/not implemented/);
  });
});

describe('Helper: patternLeaves', () => {
  it('lists every leaf with its path, inside $or too', () => {
    // Act
    const leaves = patternLeaves({
      source: ['a'],
      detail: { x: { $or: [{ y: ['1'] }, { z: [{ exists: false }] }] } },
    });

    // Assess
    expect(leaves.map(({ path }) => path)).toEqual([
      'source',
      'detail.x.$or[0].y',
      'detail.x.$or[1].z',
    ]);
  });
});
