import { describe, expect, it } from 'vitest';
import { planClaim } from '../../../src/dedup/plan-claim.js';
import { aState as state } from '../../helpers/announced.js';

const HOUR = 3_600_000;
const options = { windowMs: 24 * HOUR, announceResolutions: true };
const T0 = Date.parse('2026-01-01T00:00:00Z');

describe('planClaim', () => {
  it('announces the first open state as new', () => {
    expect(planClaim(undefined, state('HIGH'), T0, options)).toEqual({
      announce: true,
      variant: 'new',
    });
  });

  it('calls the same state inside the window a duplicate', () => {
    const plan = planClaim(
      { state: state('HIGH'), at: T0 },
      state('HIGH'),
      T0 + HOUR,
      options
    );
    expect(plan).toMatchObject({ announce: false });
  });

  it('announces the same state after the window as a reminder', () => {
    expect(
      planClaim(
        { state: state('HIGH'), at: T0 },
        state('HIGH'),
        T0 + 24 * HOUR,
        options
      )
    ).toEqual({ announce: true, variant: 'reminder' });
  });

  it('announces a severity increase as an escalation', () => {
    expect(
      planClaim(
        { state: state('HIGH'), at: T0 },
        state('CRITICAL'),
        T0 + 1,
        options
      )
    ).toEqual({ announce: true, variant: 'escalated' });
  });

  it('does not announce a severity decrease inside the window', () => {
    expect(
      planClaim(
        { state: state('CRITICAL'), at: T0 },
        state('HIGH'),
        T0 + 1,
        options
      )
    ).toMatchObject({
      announce: false,
      reason: expect.stringMatching(/decreased/),
    });
  });

  it('announces the resolution of an announced finding when the route asks', () => {
    const previous = { state: state('HIGH'), at: T0 };
    expect(
      planClaim(previous, state('HIGH', 'RESOLVED'), T0 + 1, options)
    ).toEqual({ announce: true, variant: 'resolved' });
    expect(
      planClaim(previous, state('HIGH', 'RESOLVED'), T0 + 1, {
        ...options,
        announceResolutions: false,
      })
    ).toMatchObject({ announce: false });
  });

  it('skips the resolution of a finding that was never announced', () => {
    expect(
      planClaim(undefined, state('HIGH', 'RESOLVED'), T0, options)
    ).toMatchObject({
      announce: false,
      reason: expect.stringMatching(/never announced/),
    });
  });

  it('announces a resolution once, then a reopened finding as new', () => {
    const resolved = { state: state('HIGH', 'RESOLVED'), at: T0 };
    expect(
      planClaim(resolved, state('HIGH', 'RESOLVED'), T0 + 48 * HOUR, options)
    ).toMatchObject({ announce: false });
    expect(planClaim(resolved, state('HIGH'), T0 + 1, options)).toEqual({
      announce: true,
      variant: 'new',
    });
  });
});

describe('planClaim with an unconfirmed claim (published, confirm unknown)', () => {
  it('announces a resolution after an open state whose confirm was lost', () => {
    expect(
      planClaim(
        undefined,
        state('HIGH', 'RESOLVED'),
        T0,
        options,
        state('HIGH')
      )
    ).toEqual({ announce: true, variant: 'resolved' });
    expect(
      planClaim(
        { state: state('HIGH', 'RESOLVED'), at: T0 - HOUR },
        state('HIGH', 'RESOLVED'),
        T0,
        options,
        state('HIGH')
      )
    ).toEqual({ announce: true, variant: 'resolved' });
  });

  it('still announces the open state itself (the claim may have crashed before its publish)', () => {
    expect(
      planClaim(undefined, state('HIGH'), T0, options, state('HIGH'))
    ).toEqual({ announce: true, variant: 'new' });
  });

  it('keeps the route setting for resolutions', () => {
    expect(
      planClaim(
        undefined,
        state('HIGH', 'RESOLVED'),
        T0,
        { ...options, announceResolutions: false },
        state('HIGH')
      )
    ).toMatchObject({ announce: false });
  });
});
