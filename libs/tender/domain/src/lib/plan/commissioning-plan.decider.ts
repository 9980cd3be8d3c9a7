import type { Decider } from '@tendril/shared/ddd';
import type { CommissioningPlanCommand } from './commissioning-plan.commands';
import { decideCommissioningPlan } from './commissioning-plan.decide';
import type { CommissioningPlanEvent } from './commissioning-plan.events';
import { evolveCommissioningPlan, initialCommissioningPlanState, type CommissioningPlanState } from './commissioning-plan.state';

export const commissioningPlanDecider: Decider<CommissioningPlanCommand, CommissioningPlanEvent, CommissioningPlanState> = {
  decide: decideCommissioningPlan,
  evolve: evolveCommissioningPlan,
  initialState: initialCommissioningPlanState,
};

export const COMMISSIONING_PLAN_STREAM_PREFIX = 'commissioningplan-';

/** One stream per plan; its category (`commissioningplan`) is the part before the first hyphen. */
export const commissioningPlanStreamName = (planId: string): string => `${COMMISSIONING_PLAN_STREAM_PREFIX}${planId}`;
