import { describe, expect, it } from 'vitest';
import { cityYear, formatCityTime } from '../../shared/time';

describe('Almaty time', () => {
  it('starts the year at midnight in Almaty, not in UTC', () => {
    // UTC+5 since 2024-03-01: 19:30 UTC on 31 Dec 2025 is 00:30 on 1 Jan 2026 in Almaty.
    expect(cityYear(Date.UTC(2025, 11, 31, 19, 30))).toBe(2026);
    expect(cityYear(Date.UTC(2025, 11, 31, 18, 59))).toBe(2025);
    // UTC+6 before the change: 18:30 UTC on 31 Dec 2022 was already 2023 in Almaty.
    expect(cityYear(Date.UTC(2022, 11, 31, 18, 30))).toBe(2023);
  });

  it('shows clock time in Almaty with the offset of the day', () => {
    expect(formatCityTime(Date.UTC(2026, 5, 1, 7, 0))).toBe('12:00');
    expect(formatCityTime(Date.UTC(2023, 5, 1, 7, 0))).toBe('13:00');
  });
});
