/// <reference types="jest" />
import { endOfWorkingDays, englandAndWalesBankHolidays, isBritishSummerTime, isWorkingDay } from './working-days';

describe('Working days in England and Wales', () => {
  it('knows the bank holidays of a year, substitutes included', () => {
    expect(englandAndWalesBankHolidays(2026)).toEqual(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']);
    // Christmas on a Saturday: Monday and Tuesday are the holidays.
    expect(englandAndWalesBankHolidays(2027)).toEqual(['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28']);
    // New Year's Day on a Sunday moves to the Monday; the coronation added a day.
    expect(englandAndWalesBankHolidays(2023)).toEqual(['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26']);
  });

  it('follows the days proclaimed instead of the usual ones', () => {
    expect(englandAndWalesBankHolidays(2022)).toContain('2022-06-02');
    expect(englandAndWalesBankHolidays(2022)).not.toContain('2022-05-30');
    expect(englandAndWalesBankHolidays(2022)).toContain('2022-09-19');
  });

  it('counts neither weekends nor bank holidays', () => {
    expect(isWorkingDay('2026-03-13')).toBe(true);
    expect(isWorkingDay('2026-03-14')).toBe(false);
    expect(isWorkingDay('2026-04-06')).toBe(false);
  });

  it('ends a period at midnight UK time after its last working day, not counting the day it starts', () => {
    // Monday 2 March 2026 (GMT): eight working days end at the close of Thursday 12 March.
    expect(new Date(endOfWorkingDays(Date.parse('2026-03-02T09:30:00Z'), 8)).toISOString()).toBe('2026-03-13T00:00:00.000Z');
  });

  it('skips Easter and honours British Summer Time', () => {
    // Wednesday 1 April 2026 (BST): Good Friday and Easter Monday do not count, so eight working days end on Wednesday 15 April, at 23:00 UTC.
    expect(new Date(endOfWorkingDays(Date.parse('2026-04-01T10:00:00Z'), 8)).toISOString()).toBe('2026-04-15T23:00:00.000Z');
    expect(isBritishSummerTime(Date.parse('2026-03-29T00:59:59Z'))).toBe(false);
    expect(isBritishSummerTime(Date.parse('2026-03-29T01:00:00Z'))).toBe(true);
    expect(isBritishSummerTime(Date.parse('2026-10-25T01:00:00Z'))).toBe(false);
  });

  it('takes the UK date of the start: 23:30 UTC on a summer Friday is already Saturday', () => {
    // Saturday 4 July 2026 in the UK: Monday 6 is the first working day; one working day ends at midnight after it.
    expect(new Date(endOfWorkingDays(Date.parse('2026-07-03T23:30:00Z'), 1)).toISOString()).toBe('2026-07-06T23:00:00.000Z');
  });
});
