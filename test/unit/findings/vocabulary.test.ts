import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  FindingStatus,
  FindingType,
} from '../../../src/findings/finding.js';
import {
  FINDING_TYPES,
  type STATUS_VALUES,
} from '../../../src/findings/vocabulary.js';

describe('Vocabulary: what the normalizers produce', () => {
  it('lists every finding type and lifecycle the model declares', () => {
    // Assess: a member missing from a list fails the typecheck (tsc --noEmit).
    expectTypeOf<FindingType>().toEqualTypeOf<(typeof FINDING_TYPES)[number]>();
    expectTypeOf<FindingStatus['lifecycle']>().toEqualTypeOf<
      (typeof STATUS_VALUES.lifecycle)[number]
    >();
    expect(new Set(FINDING_TYPES).size).toBe(FINDING_TYPES.length);
  });
});
