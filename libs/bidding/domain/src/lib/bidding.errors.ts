import { DomainRuleBroken } from '@tendril/shared/ddd';

export const BIDDING_RULE_CODES = [
  'TENDER_NOT_OPEN',
  'TENDER_DEADLINE_PASSED',
  'TENDER_DEADLINE_NOT_REACHED',
  'SUBMISSION_DEADLINE_MUST_BE_AN_ISO_INSTANT',
  'LOT_NOT_FOUND',
  'BID_ALREADY_SUBMITTED_FOR_LOT',
  'BID_ALREADY_SUBMITTED',
  'BID_NOT_FOUND',
  'BID_WITHDRAWN',
  'NOT_A_MEMBER_OF_THE_BIDDING_ORGANISATION',
  'ONLY_THE_SYSTEM_MAY_DO_THIS',
  'BID_PRICE_MUST_BE_POSITIVE_PENCE',
  'ANSWER_FOR_UNKNOWN_CRITERION',
  'DUPLICATE_ANSWER_FOR_CRITERION',
] as const;

export type BiddingRuleCode = (typeof BIDDING_RULE_CODES)[number];

export class BiddingRuleBroken extends DomainRuleBroken {
  declare readonly code: BiddingRuleCode;

  constructor(code: BiddingRuleCode, message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(code, message, details);
    this.name = 'BiddingRuleBroken';
  }
}
