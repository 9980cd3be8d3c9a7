import { type Command, type Decider, type DomainEvent, DomainRuleBroken } from '@tendril/shared/ddd';
import { isBlank } from '../values/value-guards';

// The categories of tender a provider organisation wants to hear about: its feed of new tenders.

export interface CategoryInterestData {
  readonly organisationId: string;
  readonly category: string;
}

export type RegisterCategoryInterest = Command<'RegisterCategoryInterest', CategoryInterestData>;
export type WithdrawCategoryInterest = Command<'WithdrawCategoryInterest', CategoryInterestData>;
export type ProviderInterestCommand = RegisterCategoryInterest | WithdrawCategoryInterest;

export type CategoryInterestRegistered = DomainEvent<'CategoryInterestRegistered', CategoryInterestData & { readonly registeredAt: string }>;
export type CategoryInterestWithdrawn = DomainEvent<'CategoryInterestWithdrawn', CategoryInterestData & { readonly withdrawnAt: string }>;
export type ProviderInterestEvent = CategoryInterestRegistered | CategoryInterestWithdrawn;

export const PROVIDER_INTEREST_EVENT_TYPES: readonly ProviderInterestEvent['type'][] = ['CategoryInterestRegistered', 'CategoryInterestWithdrawn'];

export interface ProviderInterestState {
  readonly categories: readonly string[];
}

export const PROVIDER_INTEREST_RULE_CODES = ['NOT_A_MEMBER_OF_THE_PROVIDER', 'INTEREST_CATEGORY_REQUIRED', 'CATEGORY_INTEREST_NOT_FOUND'] as const;
export type ProviderInterestRuleCode = (typeof PROVIDER_INTEREST_RULE_CODES)[number];

export class ProviderInterestRuleBroken extends DomainRuleBroken {
  declare readonly code: ProviderInterestRuleCode;
  constructor(code: ProviderInterestRuleCode, message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(code, message, details);
    this.name = 'ProviderInterestRuleBroken';
  }
}

const decide = (command: ProviderInterestCommand, state: ProviderInterestState): readonly ProviderInterestEvent[] => {
  const { data, metadata } = command;
  const { actor } = metadata;
  if ((actor.role !== 'provider' && actor.role !== 'prime') || actor.organisationId !== data.organisationId) {
    throw new ProviderInterestRuleBroken('NOT_A_MEMBER_OF_THE_PROVIDER', "Only the provider's own members choose its interests");
  }
  if (isBlank(data.category)) throw new ProviderInterestRuleBroken('INTEREST_CATEGORY_REQUIRED', 'Name the category of tenders');
  const category = data.category.trim();
  const now = metadata.now.toISOString();
  switch (command.type) {
    case 'RegisterCategoryInterest':
      // Interest is a set: registering again records nothing.
      return state.categories.includes(category)
        ? []
        : [{ type: 'CategoryInterestRegistered', data: { organisationId: data.organisationId, category, registeredAt: now } }];
    case 'WithdrawCategoryInterest':
      if (!state.categories.includes(category)) {
        throw new ProviderInterestRuleBroken('CATEGORY_INTEREST_NOT_FOUND', `No interest in ${category} is registered`, { category });
      }
      return [{ type: 'CategoryInterestWithdrawn', data: { organisationId: data.organisationId, category, withdrawnAt: now } }];
    default: {
      const unknown: never = command;
      throw new Error(`Unknown provider interest command ${(unknown as { type: string }).type}`);
    }
  }
};

const evolve = (state: ProviderInterestState, event: ProviderInterestEvent): ProviderInterestState => {
  switch (event.type) {
    case 'CategoryInterestRegistered':
      return { categories: [...state.categories, event.data.category] };
    case 'CategoryInterestWithdrawn':
      return { categories: state.categories.filter((category) => category !== event.data.category) };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown provider interest event ${(unknown as { type: string }).type}`);
    }
  }
};

export const providerInterestDecider: Decider<ProviderInterestCommand, ProviderInterestEvent, ProviderInterestState> = {
  decide,
  evolve,
  initialState: () => ({ categories: [] }),
};

export const PROVIDER_INTEREST_STREAM_PREFIX = 'tenderinterest-';

/** One stream per provider organisation. */
export const providerInterestStreamName = (organisationId: string): string => `${PROVIDER_INTEREST_STREAM_PREFIX}${organisationId}`;
