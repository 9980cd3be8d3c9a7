import { InvalidConfigurationError, resolvePlatformConfig } from './platform-config';

describe('The standstill period a service is configured with', () => {
  it('is 8 working days unless set', () => {
    expect(resolvePlatformConfig('tender-service', 4001, {}).standstillPeriod).toEqual({ kind: 'working_days', days: 8 });
  });

  it('may be set in working days or, for tests and demonstrations, in seconds', () => {
    expect(resolvePlatformConfig('tender-service', 4001, { STANDSTILL_PERIOD: '10wd' }).standstillPeriod).toEqual({ kind: 'working_days', days: 10 });
    expect(resolvePlatformConfig('tender-service', 4001, { STANDSTILL_PERIOD: '3s' }).standstillPeriod).toEqual({ kind: 'seconds', seconds: 3 });
  });

  it.each(['8', '0wd', '31wd', '8 days', '-3s', '2.5s'])('refuses %j with a message that says what is allowed', (value) => {
    expect(() => resolvePlatformConfig('tender-service', 4001, { STANDSTILL_PERIOD: value })).toThrow(InvalidConfigurationError);
    expect(() => resolvePlatformConfig('tender-service', 4001, { STANDSTILL_PERIOD: value })).toThrow(/STANDSTILL_PERIOD must be whole working days from 1 to 30 written like "8wd"/);
  });
});
