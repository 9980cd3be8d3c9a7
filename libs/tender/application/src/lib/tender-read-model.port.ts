import type { Actor } from '@tendril/shared/event-store';
import type { ChallengeOutcome, EvaluationCriterion, Lot, LotStage, TenderStatus } from '@tendril/tender/domain';

export interface LotAwardView {
  readonly bidId: string;
  readonly supplierOrganisationId: string;
  readonly valuePence: number;
  readonly rationale: string;
  readonly evidenceRefs: readonly string[];
  readonly awardedAt: string;
}

/** A proposed award in standstill (or suspended by a challenge). */
export interface ProposedAwardView {
  readonly bidId: string;
  readonly supplierOrganisationId: string;
  readonly valuePence: number;
  readonly rationale: string;
  readonly proposedAt: string;
  readonly standstillEndsAt: string;
}

export interface ChallengeView {
  readonly challengeId: string;
  readonly lotId: string;
  readonly challengerOrganisationId: string;
  readonly grounds: string;
  readonly challengedAt: string;
  readonly outcome: ChallengeOutcome | null;
  readonly reasoning: string | null;
  readonly resolvedAt: string | null;
}

export interface DeadlineExtensionView {
  readonly previousSubmissionDeadline: string;
  readonly submissionDeadline: string;
  readonly clarificationDeadline: string;
  readonly reason: string;
  readonly extendedAt: string;
}

export type TenderLotView = Lot & {
  readonly stage: LotStage;
  readonly proposal: ProposedAwardView | null;
  readonly award: LotAwardView | null;
};

export interface TenderView {
  readonly tenderId: string;
  readonly organisationId: string;
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly status: TenderStatus;
  /** Null only on a draft that has no deadline yet. */
  readonly submissionDeadline: string | null;
  readonly clarificationDeadline: string | null;
  /** The commissioning plan and strand the tender belongs to, or null outside a plan. */
  readonly planId: string | null;
  readonly strandId: string | null;
  readonly area: string | null;
  readonly documents: readonly { readonly documentId: string; readonly kind: string; readonly title: string; readonly contentHash: string }[];
  /** Every recorded amendment, oldest first. */
  readonly amendments: readonly { readonly documentId: string; readonly previousContentHash: string; readonly contentHash: string; readonly summary: string; readonly amendedAt: string }[];
  /** The sum of the lots' estimates. */
  readonly totalEstimatedValuePence: number;
  readonly lots: readonly TenderLotView[];
  readonly criteria: readonly EvaluationCriterion[];
  readonly lightTouchRegime: boolean;
  readonly suitableForVcse: boolean;
  readonly reservedParticipation: boolean;
  /** Null while a draft. */
  readonly publishedAt: string | null;
  readonly draftedAt: string | null;
  /** The decommissioned tender this one re-tenders, or null. */
  readonly retenderOfTenderId: string | null;
  readonly deadlineExtensions: readonly DeadlineExtensionView[];
  readonly challenges: readonly ChallengeView[];
  readonly closedAt: string | null;
  readonly cancelledAt: string | null;
  readonly cancellationReason: string | null;
  readonly lastPosition: number;
}

export interface TenderPage {
  readonly items: readonly TenderView[];
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

export interface TenderListFilter {
  readonly status?: TenderStatus;
  /** Drafts are listed only for this organisation (its commissioners); null lists no drafts. */
  readonly draftsOf?: string | null;
  readonly organisationId?: string;
  /** Tenders of one commissioning plan (and, with `strandId`, one strand). */
  readonly planId?: string;
  readonly strandId?: string;
  readonly category?: string;
  /** Any of these categories (the feed); combined with `category` when both are given. */
  readonly categories?: readonly string[];
  readonly area?: string;
  /** Bounds on the total estimated value, inclusive, in pence. */
  readonly minValuePence?: number;
  readonly maxValuePence?: number;
  /** Bounds on the submission deadline, inclusive, canonical UTC. */
  readonly deadlineFrom?: string;
  readonly deadlineTo?: string;
  readonly first: number;
  readonly after?: string | null;
}

export interface OpenedBidView {
  readonly bidId: string;
  readonly tenderId: string;
  readonly lotId: string;
  readonly organisationId: string;
}

/** A lot's evaluation as the bidding context published it (`bidding.evaluation-completed.v1`). */
export interface LotEvaluationView {
  readonly tenderId: string;
  readonly lotId: string;
  readonly winnerBidId: string;
  readonly winnerOrganisationId: string;
  readonly winnerPricePence: number;
  readonly winnerTotalScore: number;
  readonly ranking: readonly { readonly rank: number; readonly bidId: string; readonly supplierOrganisationId: string; readonly pricePence: number; readonly totalScore: number }[];
  readonly evidenceRefs: readonly string[];
  readonly completedAt: string;
}

export interface AuditEntryView {
  readonly position: number;
  readonly streamName: string;
  readonly eventType: string;
  readonly occurredAt: string;
  readonly actorUserId: string;
  readonly actorRole: string;
  readonly actorOrganisationId: string | null;
  readonly correlationId: string;
  readonly summary: string;
}

/** A clarification as one reader may see it: the asker is named only to the tender's commissioners and overseers. */
export interface ClarificationView {
  readonly questionId: string;
  readonly tenderId: string;
  readonly question: string;
  readonly answer: string | null;
  readonly askedAt: string;
  readonly answeredAt: string | null;
  readonly askedByOrganisationId: string | null;
  readonly askedByReader: boolean;
}

/** What the tender context's queries and schedulers read; infra implements it over TypeORM read models. */
export abstract class TenderReadModel {
  abstract findTender(tenderId: string): Promise<TenderView | null>;
  abstract listTenders(filter: TenderListFilter): Promise<TenderPage>;
  /** Open tenders whose submission deadline is at or before `now`. */
  abstract findTendersDueForClosing(now: Date): Promise<readonly { tenderId: string }[]>;
  abstract findOpenedBid(tenderId: string, bidId: string): Promise<OpenedBidView | null>;
  /** Proposed awards whose standstill ended at or before `now` with no challenge open. */
  abstract findAwardsDueForFinalising(now: Date): Promise<readonly { tenderId: string; lotId: string; standstillEndsAt: string }[]>;
  /** The categories an organisation registered interest in, alphabetically. */
  abstract interestCategories(organisationId: string): Promise<readonly string[]>;
  abstract findLotEvaluation(tenderId: string, lotId: string): Promise<LotEvaluationView | null>;
  abstract history(tenderId: string): Promise<readonly AuditEntryView[]>;
  /** The tender a question was asked on, or null when no such question exists. */
  abstract findClarificationTender(questionId: string): Promise<string | null>;
  /**
   * The clarifications `reader` may see, oldest first: every question with its asker for the tender's
   * commissioners, auditors and admins; for anyone else the published answers, anonymised, plus the
   * reader's own organisation's questions.
   */
  abstract clarifications(tenderId: string, reader: Actor): Promise<readonly ClarificationView[]>;
  /** Resolves when the read models include every event up to `position`. */
  abstract waitForPosition(position: number): Promise<void>;
}
