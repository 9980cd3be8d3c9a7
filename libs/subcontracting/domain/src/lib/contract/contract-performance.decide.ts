import type { CommandMetadata } from '@tendril/shared/ddd';
import { SubcontractingRuleBroken } from '../subcontracting.errors';
import { isBlank, utcDate } from '../values/value-guards';
import { CONTRACT_RATINGS, type MeasureFigure, OUTCOME_MEASURES, type RateContract, type SetOutcomeTargets, type SubmitReturn } from './contract.commands';
import type { ContractRated, OutcomeTargetsSet, ReturnSubmitted } from './contract.events';
import { type ContractState, type ExistingContract, returnKey } from './contract.state';

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** The first and last day of a calendar quarter `YYYY-Qn`, or null when it is not one. */
export const quarterDates = (period: string): { readonly start: string; readonly end: string } | null => {
  const match = QUARTER.exec(typeof period === 'string' ? period : '');
  if (!match) return null;
  const year = Number(match[1]);
  const quarter = Number(match[2]);
  const startMonth = (quarter - 1) * 3;
  const start = new Date(Date.UTC(year, startMonth, 1));
  const end = new Date(Date.UTC(year, startMonth + 3, 0));
  return { start: utcDate(start), end: utcDate(end) };
};

const existing = (state: ContractState, contractId: string): ExistingContract => {
  if (state.status === 'none') throw new SubcontractingRuleBroken('CONTRACT_NOT_FOUND', `Contract ${contractId} does not exist`, { contractId });
  return state;
};

const isWholeCount = (value: number): boolean => Number.isSafeInteger(value) && value >= 0;

/** A return is for a quarter that has begun and that overlaps the work it reports on. */
const assertReportablePeriod = (period: string, work: { startDate: string; endDate: string }, now: Date): void => {
  const quarter = quarterDates(period);
  if (!quarter) throw new SubcontractingRuleBroken('RETURN_PERIOD_INVALID', 'A return is for a calendar quarter, written YYYY-Qn', { period });
  if (quarter.start > utcDate(now)) {
    throw new SubcontractingRuleBroken('RETURN_PERIOD_NOT_STARTED', `Quarter ${period} has not started yet`, { period });
  }
  if (quarter.end < work.startDate || quarter.start > work.endDate) {
    throw new SubcontractingRuleBroken('RETURN_PERIOD_OUTSIDE_TERM', `Quarter ${period} is outside the term of the work`, {
      period,
      startDate: work.startDate,
      endDate: work.endDate,
    });
  }
};

export const submitReturn = (command: SubmitReturn, state: ContractState): ReturnSubmitted => {
  const { data, metadata } = command;
  const contract = existing(state, data.contractId);
  const node =
    data.subcontractId === null
      ? { organisationId: contract.primeOrganisationId, tier: 0, startDate: contract.startDate, endDate: contract.endDate }
      : contract.subcontracts.find((s) => s.subcontractId === data.subcontractId);
  if (!node) {
    throw new SubcontractingRuleBroken('SUBCONTRACT_NOT_FOUND', `Contract has no subcontract ${data.subcontractId}`, { subcontractId: data.subcontractId });
  }
  assertDeliverer(metadata, node.organisationId);
  assertReportablePeriod(data.period, node, metadata.now);
  if (contract.returnsReceived.includes(returnKey(data.period, data.subcontractId))) {
    throw new SubcontractingRuleBroken('RETURN_ALREADY_SUBMITTED', `The return for ${data.period} is already in`, { period: data.period });
  }
  const { youngPeopleReached, hoursDelivered, spendPence, outcomes } = data.figures;
  const counts = [youngPeopleReached, hoursDelivered, spendPence, outcomes.learning, outcomes.achievement, outcomes.progress];
  if (!counts.every(isWholeCount)) {
    throw new SubcontractingRuleBroken('RETURN_FIGURES_MUST_BE_WHOLE_NUMBERS', 'Reach, hours, spend (pence) and outcomes are whole numbers, none negative');
  }
  const overReach = (['learning', 'achievement', 'progress'] as const).filter((measure) => outcomes[measure] > youngPeopleReached);
  if (overReach.length > 0) {
    throw new SubcontractingRuleBroken('RETURN_OUTCOMES_EXCEED_REACH', 'More young people with an outcome than were reached', { measures: overReach });
  }
  const measures = measureFigures(contract, data.measures ?? [], youngPeopleReached);
  return {
    type: 'ReturnSubmitted',
    data: {
      contractId: contract.contractId,
      returnId: data.returnId,
      period: data.period,
      subcontractId: data.subcontractId,
      organisationId: node.organisationId,
      tier: node.tier,
      youngPeopleReached,
      hoursDelivered,
      spendPence,
      outcomes: { learning: outcomes.learning, achievement: outcomes.achievement, progress: outcomes.progress },
      submittedAt: metadata.now.toISOString(),
      ...(contract.outcomeMeasures.length > 0 ? { measures } : {}),
    },
  };
};

/** A figure for each of the contract's outcome measures, none missing, none extra, none twice. */
const measureFigures = (
  contract: ExistingContract,
  figures: readonly MeasureFigure[],
  youngPeopleReached: number,
): { measureId: string; kind: string; value: number }[] => {
  const onContract = new Map(contract.outcomeMeasures.map((m) => [m.measureId, m]));
  const unknown = figures.filter((f) => !onContract.has(f.measureId)).map((f) => f.measureId);
  if (unknown.length > 0) {
    throw new SubcontractingRuleBroken(
      'RETURN_MEASURE_NOT_ON_CONTRACT',
      `The contract has no outcome measure ${unknown.join(', ')}${onContract.size > 0 ? `; its measures are ${[...onContract.keys()].join(', ')}` : ''}`,
      { measureIds: unknown },
    );
  }
  const seen = new Set<string>();
  for (const figure of figures) {
    if (seen.has(figure.measureId)) {
      throw new SubcontractingRuleBroken('RETURN_MEASURE_REPEATED', `${figure.measureId} is reported more than once`, { measureId: figure.measureId });
    }
    seen.add(figure.measureId);
  }
  const missing = contract.outcomeMeasures.filter((m) => !seen.has(m.measureId));
  if (missing.length > 0) {
    throw new SubcontractingRuleBroken(
      'RETURN_MEASURE_MISSING',
      `Report a figure for every outcome measure on the contract: missing ${missing.map((m) => `${m.measureId} (${m.name})`).join(', ')}`,
      { measureIds: missing.map((m) => m.measureId) },
    );
  }
  if (!figures.every((f) => isWholeCount(f.value))) {
    throw new SubcontractingRuleBroken('RETURN_FIGURES_MUST_BE_WHOLE_NUMBERS', 'Each outcome measure is a whole number of young people, not negative');
  }
  const overReach = figures.filter((f) => onContract.get(f.measureId)?.kind !== 'reach' && f.value > youngPeopleReached).map((f) => f.measureId);
  if (overReach.length > 0) {
    throw new SubcontractingRuleBroken('RETURN_OUTCOMES_EXCEED_REACH', 'More young people with an outcome than were reached', { measures: overReach });
  }
  return contract.outcomeMeasures.map((m) => ({ measureId: m.measureId, kind: m.kind, value: figures.find((f) => f.measureId === m.measureId)?.value ?? 0 }));
};

const assertDeliverer = (metadata: CommandMetadata, organisationId: string): void => {
  const { actor } = metadata;
  if ((actor.role !== 'prime' && actor.role !== 'provider') || actor.organisationId !== organisationId) {
    throw new SubcontractingRuleBroken('NOT_YOUR_DELIVERY', 'Each organisation submits the return for its own delivery');
  }
};

export const rateContract = (command: RateContract, state: ContractState): ContractRated => {
  const { data, metadata } = command;
  const contract = existing(state, data.contractId);
  const { actor } = metadata;
  if (actor.role !== 'commissioner' || actor.organisationId !== contract.commissionerOrganisationId) {
    throw new SubcontractingRuleBroken('NOT_THE_CONTRACT_COMMISSIONER', 'Only the commissioning organisation may rate its contract');
  }
  const quarter = quarterDates(data.period);
  if (!quarter || quarter.start > utcDate(metadata.now) || quarter.end < contract.startDate || quarter.start > contract.endDate) {
    throw new SubcontractingRuleBroken('RATING_PERIOD_INVALID', 'A rating is for a quarter (YYYY-Qn) of the contract that has begun', {
      period: data.period,
    });
  }
  if (!(CONTRACT_RATINGS as readonly string[]).includes(data.rating)) {
    throw new SubcontractingRuleBroken('RATING_INVALID', `A rating is one of ${CONTRACT_RATINGS.join(', ')}`, { rating: data.rating });
  }
  if (isBlank(data.rationale)) throw new SubcontractingRuleBroken('RATING_RATIONALE_REQUIRED', 'Say why the contract gets this rating');
  const evidenceRefs = (data.evidenceRefs ?? []).map((ref) => (typeof ref === 'string' ? ref.trim() : '')).filter((ref) => ref !== '');
  if (evidenceRefs.length === 0) {
    throw new SubcontractingRuleBroken('RATING_EVIDENCE_REQUIRED', 'Name the evidence the rating relies on (returns, visits, complaints)');
  }
  if (contract.ratings.some((rating) => rating.period === data.period)) {
    throw new SubcontractingRuleBroken('RATING_ALREADY_GIVEN', `The contract is already rated for ${data.period}`, { period: data.period });
  }
  return {
    type: 'ContractRated',
    data: {
      contractId: contract.contractId,
      period: data.period,
      rating: data.rating,
      rationale: data.rationale.trim(),
      evidenceRefs,
      ratedAt: metadata.now.toISOString(),
    },
  };
};

export const setOutcomeTargets = (command: SetOutcomeTargets, state: ContractState): OutcomeTargetsSet => {
  const { data, metadata } = command;
  const contract = existing(state, data.contractId);
  const { actor } = metadata;
  if (actor.role !== 'commissioner' || actor.organisationId !== contract.commissionerOrganisationId) {
    throw new SubcontractingRuleBroken('NOT_THE_CONTRACT_COMMISSIONER', 'Only the commissioning organisation sets its contract’s outcome targets');
  }
  if (contract.status !== 'active' || utcDate(metadata.now) > contract.endDate) {
    throw new SubcontractingRuleBroken('CONTRACT_NOT_ACTIVE', `Contract ${contract.contractId} has ended, been terminated or been decommissioned`);
  }
  if (isBlank(data.frameworkRef)) {
    throw new SubcontractingRuleBroken('OUTCOME_FRAMEWORK_REFERENCE_REQUIRED', 'Say which outcomes framework (plan and strand) the targets come from');
  }
  if (!data.targets || data.targets.length === 0) throw new SubcontractingRuleBroken('OUTCOME_TARGETS_REQUIRED', 'Set at least one outcome target');
  const seen = new Set<string>();
  for (const target of data.targets) {
    if (!(OUTCOME_MEASURES as readonly string[]).includes(target.measure)) {
      throw new SubcontractingRuleBroken('OUTCOME_MEASURE_UNKNOWN', `Outcome measures are ${OUTCOME_MEASURES.join(', ')}`, { measure: target.measure });
    }
    if (seen.has(target.measure)) {
      throw new SubcontractingRuleBroken('OUTCOME_MEASURE_REPEATED', `${target.measure} has more than one target`, { measure: target.measure });
    }
    seen.add(target.measure);
    if (!isWholeCount(target.quarterlyTarget)) {
      throw new SubcontractingRuleBroken('OUTCOME_TARGET_MUST_BE_WHOLE', 'A quarterly target is a whole number of young people, not negative', {
        measure: target.measure,
      });
    }
  }
  return {
    type: 'OutcomeTargetsSet',
    data: {
      contractId: contract.contractId,
      frameworkRef: data.frameworkRef.trim(),
      targets: data.targets.map((t) => ({ measure: t.measure, quarterlyTarget: t.quarterlyTarget })),
      setAt: metadata.now.toISOString(),
    },
  };
};
