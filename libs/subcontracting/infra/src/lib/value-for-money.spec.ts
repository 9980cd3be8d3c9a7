/// <reference types="jest" />
import { valueForMoney } from './visible-performance-read-model';

const delivery = { youngPeopleReached: 30, hoursDelivered: 90, spendPence: 1_000_000, learning: 10, achievement: 5, progress: 2 };

describe('Value for money', () => {
  it('is spend per young person reached and per outcome achieved, to the nearest penny', () => {
    expect(valueForMoney(delivery)).toMatchObject({ outcomesAchieved: 17, costPerYoungPersonPence: 33_333, costPerOutcomePence: 58_824 });
  });

  it('has no cost per young person when nobody was reached', () => {
    expect(valueForMoney({ ...delivery, youngPeopleReached: 0 }).costPerYoungPersonPence).toBeNull();
  });

  it('has no cost per outcome when no outcome was achieved', () => {
    expect(valueForMoney({ ...delivery, learning: 0, achievement: 0, progress: 0 }).costPerOutcomePence).toBeNull();
  });
});
