import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  Finding,
  FindingStatus,
  FindingType,
} from '../../../src/findings/finding.js';
import {
  type FINDING_SOURCES,
  FINDING_TYPES,
  type STATUS_VALUES,
} from '../../../src/findings/vocabulary.js';

describe('Vocabulary: what the normalizers produce', () => {
  it('lists every finding type, source and lifecycle the model declares', () => {
    // Assess: a member missing from a list fails the typecheck (tsc --noEmit).
    expectTypeOf<FindingType>().toEqualTypeOf<(typeof FINDING_TYPES)[number]>();
    expectTypeOf<Finding['source']>().toEqualTypeOf<
      (typeof FINDING_SOURCES)[number]
    >();
    expectTypeOf<FindingStatus['lifecycle']>().toEqualTypeOf<
      (typeof STATUS_VALUES.lifecycle)[number]
    >();
    expect(new Set(FINDING_TYPES).size).toBe(FINDING_TYPES.length);
  });
});
