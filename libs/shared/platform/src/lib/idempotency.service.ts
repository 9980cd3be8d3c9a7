import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor } from '@tendril/shared/event-store';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApiError } from './graphql-errors';
import { IdempotencyRecordEntity } from './idempotency-record.entity';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

const stableStringify = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
};

export interface IdempotentCall {
  readonly idempotencyKey: string;
  readonly actor: Actor;
  readonly operation: string;
  readonly input: unknown;
}

/**
 * Every mutation takes an idempotency key. The first call runs and its result is stored; a retry with
 * the same key and the same input returns that result and writes nothing. The seed handed to `run` makes
 * event ids deterministic, so even a retry racing the first call (or following a crash between the append
 * and storing the result) meets the event store's idempotent-append path instead of writing twice.
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute<T>(call: IdempotentCall, run: (idempotencySeed: string) => Promise<T>): Promise<T> {
    if (!KEY_PATTERN.test(call.idempotencyKey)) {
      throw new ApiError(
        'BAD_USER_INPUT',
        'idempotencyKey must be 8 to 128 characters of letters, digits, ".", "_", ":" or "-" (a UUID is ideal)',
      );
    }
    const repository = this.dataSource.getRepository(IdempotencyRecordEntity);
    const requestHash = createHash('sha256').update(`${call.operation}\n${stableStringify(call.input)}`).digest('hex');
    const where = { userId: call.actor.userId, idempotencyKey: call.idempotencyKey };
    const existing = await repository.findOneBy(where);
    if (existing) return this.replay<T>(existing, call, requestHash);

    const result = await run(`${call.actor.userId}:${call.idempotencyKey}`);
    try {
      await repository.insert({ ...where, operation: call.operation, requestHash, resultJson: JSON.stringify(result ?? null) });
    } catch (error) {
      // A concurrent retry stored its (identical) result first: answer with the stored one.
      const stored = await repository.findOneBy(where);
      if (!stored) throw error;
      return this.replay<T>(stored, call, requestHash);
    }
    return result;
  }

  private replay<T>(record: IdempotencyRecordEntity, call: IdempotentCall, requestHash: string): T {
    if (record.operation !== call.operation || record.requestHash !== requestHash) {
      throw new ApiError(
        'IDEMPOTENCY_KEY_REUSED',
        `This idempotency key was already used for a different request (${record.operation}); use a new key for a new request`,
      );
    }
    return JSON.parse(record.resultJson) as T;
  }
}
