/// <reference types="jest" />
import { againstTargets, valueForMoney } from './visible-performance-read-model';

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

describe('Delivery against outcome targets', () => {
  it('compares each measure’s chain total with its quarterly target, in whole percent', () => {
    expect(againstTargets([{ measure: 'young_people_reached', quarterlyTarget: 40 }, { measure: 'progress', quarterlyTarget: 3 }], delivery)).toEqual([
      { measure: 'young_people_reached', target: 40, actual: 30, percentOfTarget: 75 },
      { measure: 'progress', target: 3, actual: 2, percentOfTarget: 67 },
    ]);
  });

  it('has no percentage for a target of zero', () => {
    expect(againstTargets([{ measure: 'learning', quarterlyTarget: 0 }], delivery)[0]?.percentOfTarget).toBeNull();
  });
});
