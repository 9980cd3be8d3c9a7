import type { RequestContext } from '@tendril/shared/ddd';
import type { BidPartners, QualityAnswer } from '@tendril/bidding/domain';

export class SubmitBidCommand {
  constructor(
    readonly input: {
      readonly tenderId: string;
      readonly lotId: string;
      readonly pricePence: number;
      readonly qualityAnswers: readonly QualityAnswer[];
      readonly socialValueCommitments: string;
    } & BidPartners,
    readonly context: RequestContext,
  ) {}
}

export class AmendBidCommand {
  constructor(
    readonly input: {
      readonly bidId: string;
      readonly pricePence: number;
      readonly qualityAnswers: readonly QualityAnswer[];
      readonly socialValueCommitments: string;
    } & BidPartners,
    readonly context: RequestContext,
  ) {}
}

export class WithdrawBidCommand {
  constructor(
    readonly bidId: string,
    readonly context: RequestContext,
  ) {}
}

export interface BidCommandResult {
  readonly bidId: string;
  readonly position: number | null;
}

export class AssessBidComplianceCommand {
  constructor(
    readonly input: { readonly bidId: string; readonly compliant: boolean; readonly reason: string },
    readonly context: RequestContext,
  ) {}
}
