import type { Actor } from '@tendril/shared/event-store';
import type { CommandMetadata } from '@tendril/shared/ddd';
import { BiddingRuleBroken } from './bidding.errors';

const BIDDER_ROLES: readonly Actor['role'][] = ['provider', 'prime'];

export const actsForOrganisation = (actor: Actor, organisationId: string): boolean =>
  BIDDER_ROLES.includes(actor.role) && actor.organisationId !== null && actor.organisationId === organisationId;

export const assertActsForBidder = (metadata: CommandMetadata, organisationId: string): void => {
  if (!actsForOrganisation(metadata.actor, organisationId)) {
    throw new BiddingRuleBroken('NOT_A_MEMBER_OF_THE_BIDDING_ORGANISATION', 'Only a provider of the bidding organisation may do this', {
      organisationId,
    });
  }
};

export const assertSystem = (metadata: CommandMetadata, command: string): void => {
  if (metadata.actor.role !== 'system') {
    throw new BiddingRuleBroken('ONLY_THE_SYSTEM_MAY_DO_THIS', `${command} is done by the platform, not by users`, { command });
  }
};
