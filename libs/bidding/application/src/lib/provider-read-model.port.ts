import type { DueDiligenceKind, ProviderKind, ProviderMemberRole } from '@tendril/bidding/domain';
import type { Actor } from '@tendril/shared/event-store';

export interface DueDiligenceView {
  readonly kind: DueDiligenceKind;
  readonly declaredAt: string;
  readonly expiresAt: string;
  /** Computed at read time: the registry shows what is current now. */
  readonly current: boolean;
  /** The statement and evidence, for the organisation itself, commissioners, auditors and admins; null for other providers. */
  readonly statement: string | null;
  readonly evidenceRefs: readonly string[] | null;
}

export interface ProviderMemberView {
  readonly userId: string;
  readonly displayName: string;
  readonly role: ProviderMemberRole;
}

export interface ProviderView {
  readonly organisationId: string;
  readonly name: string;
  readonly kind: ProviderKind;
  readonly charityNumber: string | null;
  readonly companyNumber: string | null;
  readonly schoolUrn: string | null;
  readonly vcse: boolean;
  readonly sme: boolean;
  readonly serviceCategories: readonly string[];
  readonly serviceAreas: readonly string[];
  readonly registeredAt: string;
  readonly dueDiligence: readonly DueDiligenceView[];
  /** Null unless the reader belongs to the organisation or is an auditor or admin. */
  readonly members: readonly ProviderMemberView[] | null;
  /** The declarations to renew (or make) before the organisation may bid; empty when it may bid now. */
  readonly toRenewBeforeBidding: readonly DueDiligenceKind[];
}

export interface ProviderFilter {
  readonly kind?: ProviderKind;
  readonly serviceCategory?: string;
  readonly serviceArea?: string;
  readonly vcse?: boolean;
  readonly sme?: boolean;
}

/** The registry as a reader may see it: who may see members and evidence is decided here, where data is read. */
export abstract class ProviderReadModel {
  abstract findProvider(organisationId: string, reader: Actor, now: Date): Promise<ProviderView | null>;
  abstract findProviders(filter: ProviderFilter, reader: Actor, now: Date): Promise<readonly ProviderView[]>;
  abstract waitForPosition(position: number): Promise<void>;
}
