/// <reference types="jest" />
import { normaliseCharityNumber, normaliseCompanyNumber, normaliseSchoolUrn } from './provider-identifiers';

describe('Provider identifiers', () => {
  describe('a charity number', () => {
    it.each([
      ['1123456', '1123456'],
      ['212345', '212345'],
      ['sc012345', 'SC012345'],
      ['SC 012345', 'SC012345'],
      ['NIC100001', 'NIC100001'],
    ])('accepts %s as %s', (given, canonical) => {
      expect(normaliseCharityNumber(given)).toBe(canonical);
    });

    it.each(['12345', '12345678', 'SC12345', 'NI100001', 'ABC123', ''])('refuses %p', (given) => {
      expect(normaliseCharityNumber(given)).toBeNull();
    });
  });

  describe('a company number', () => {
    it.each([
      ['01234567', '01234567'],
      ['1234567', '01234567'],
      ['SC123456', 'SC123456'],
      ['ni123456', 'NI123456'],
      ['OC 301234', 'OC301234'],
    ])('accepts %s as %s', (given, canonical) => {
      expect(normaliseCompanyNumber(given)).toBe(canonical);
    });

    it.each(['123456789', 'XX123456', 'SC1234567', 'SC12345', '12345'])('refuses %p', (given) => {
      expect(normaliseCompanyNumber(given)).toBeNull();
    });
  });

  describe('a school URN', () => {
    it('is six digits', () => {
      expect(normaliseSchoolUrn('137492')).toBe('137492');
    });

    it.each(['13749', '1374920', 'URN137'])('refuses %p', (given) => {
      expect(normaliseSchoolUrn(given)).toBeNull();
    });
  });
});
