import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../../src/findings/timestamps.js';

describe('Function: parseTimestamp', () => {
  describe('Java Date.toString format of current Inspector2 events', () => {
    it.each([
      {
        value: 'Wed Sep 04 16:59:44.356 UTC 2024',
        iso: '2024-09-04T16:59:44.356Z',
      },
      {
        value: 'Thu Sep 05 13:06:56.334 UTC 2024',
        iso: '2024-09-05T13:06:56.334Z',
      },
      {
        value: 'Tue Sep 03 00:00:00.000 UTC 2024',
        iso: '2024-09-03T00:00:00.000Z',
      },
      {
        value: 'Sat Aug 31 00:04:50 UTC 2024',
        iso: '2024-08-31T00:04:50.000Z',
      },
      {
        value: 'Thu Feb 29 23:59:59.9 UTC 2024',
        iso: '2024-02-29T23:59:59.900Z',
      },
    ])('reads $value as $iso', ({ value, iso }) => {
      // Act
      const result = parseTimestamp(value);

      // Assess
      expect(result).toBe(iso);
    });
  });

  describe('US format of 2021-2023 Inspector2 events (no zone, UTC)', () => {
    it.each([
      { value: 'Dec 3, 2021, 6:02:30 PM', iso: '2021-12-03T18:02:30.000Z' },
      { value: 'Mar 20, 2023, 6:08:05 PM', iso: '2023-03-20T18:08:05.000Z' },
      { value: 'Mar 20, 2023, 3:25:03 AM', iso: '2023-03-20T03:25:03.000Z' },
      {
        value: 'Oct 16, 2019, 12:00:00 AM',
        iso: '2019-10-16T00:00:00.000Z',
      },
      { value: 'Dec 3, 2021, 12:02:30 PM', iso: '2021-12-03T12:02:30.000Z' },
      { value: 'Dec 3, 2021, 12:59:59 AM', iso: '2021-12-03T00:59:59.000Z' },
      { value: 'Dec 3, 2021, 11:59:59 PM', iso: '2021-12-03T23:59:59.000Z' },
      { value: 'Feb 29, 2024, 1:02:30 pm', iso: '2024-02-29T13:02:30.000Z' },
    ])('reads $value as $iso', ({ value, iso }) => {
      // Act
      const result = parseTimestamp(value);

      // Assess
      expect(result).toBe(iso);
    });
  });

  describe('ISO-8601 of the API and on-demand scans', () => {
    it.each([
      {
        case: 'an offset and microseconds',
        value: '2024-02-02T16:30:33.045000+01:00',
        iso: '2024-02-02T15:30:33.045Z',
      },
      {
        case: 'Z and milliseconds',
        value: '2026-06-12T01:30:00.000Z',
        iso: '2026-06-12T01:30:00.000Z',
      },
      {
        case: 'an offset and no fraction',
        value: '2024-07-31T17:59:32+02:00',
        iso: '2024-07-31T15:59:32.000Z',
      },
      {
        case: 'a negative offset crossing midnight',
        value: '2020-11-10T21:07:43-05:00',
        iso: '2020-11-11T02:07:43.000Z',
      },
      {
        case: 'a space instead of T (Python str() of an SDK datetime)',
        value: '2026-03-13 22:38:57.161000+01:00',
        iso: '2026-03-13T21:38:57.161Z',
      },
      {
        case: 'a space and no fraction',
        value: '2025-10-30 00:16:19+01:00',
        iso: '2025-10-29T23:16:19.000Z',
      },
    ])('reads $case', ({ value, iso }) => {
      // Act
      const result = parseTimestamp(value);

      // Assess
      expect(result).toBe(iso);
    });
  });

  it.each([
    { case: 'February 30 (US format)', value: 'Feb 30, 2021, 1:02:30 PM' },
    { case: 'February 29 of a common year', value: 'Feb 29, 2023, 1:02:30 PM' },
    {
      case: 'February 30 (Java format)',
      value: 'Fri Feb 30 10:00:00 UTC 2024',
    },
    {
      case: 'September 31 (Java format)',
      value: 'Tue Sep 31 16:59:44 UTC 2024',
    },
    { case: 'February 30 (ISO)', value: '2024-02-30T00:00:00Z' },
    { case: 'April 31 (ISO)', value: '2024-04-31T12:00:00.000+01:00' },
    { case: 'month 13 (ISO)', value: '2024-13-02T16:30:33Z' },
    { case: 'hour 13 PM', value: 'Dec 3, 2021, 13:02:30 PM' },
    { case: 'hour 0 AM', value: 'Dec 3, 2021, 0:02:30 AM' },
    { case: 'minute 60 (US format)', value: 'Dec 3, 2021, 6:60:30 PM' },
    { case: 'hour 24 (Java format)', value: 'Wed Sep 04 24:00:00 UTC 2024' },
    { case: 'minute 60 (Java format)', value: 'Wed Sep 04 16:60:44 UTC 2024' },
    { case: 'second 60 (Java format)', value: 'Wed Sep 04 16:59:60 UTC 2024' },
    { case: 'an unknown month', value: 'Wed Sem 04 16:59:44 UTC 2024' },
    {
      case: 'another zone (Java format)',
      value: 'Wed Sep 04 16:59:44 CET 2024',
    },
    { case: 'ISO without a zone', value: '2024-02-02T16:30:33' },
    { case: 'a date only', value: '2024-02-02' },
    { case: 'garbage', value: 'not a date' },
    { case: 'a placeholder', value: 'N/A' },
    { case: 'an empty string', value: '' },
    { case: 'digits', value: '1700000000' },
    { case: 'epoch milliseconds', value: 1_700_000_000_000 },
    { case: 'null', value: null },
    { case: 'undefined', value: undefined },
    { case: 'a Date object', value: new Date(0) },
  ])('returns undefined for $case', ({ value }) => {
    // Act
    const result = parseTimestamp(value);

    // Assess
    expect(result).toBeUndefined();
  });
});
