import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TenderDocumentStore } from '@tendril/tender/application';
import { createHash } from 'node:crypto';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';

/**
 * Document content by SHA-256. Not a read model: the log holds only hashes, so this table is never
 * rebuilt or cleared with the projections; register it with the service's entities beside them.
 */
@Entity({ name: 'tender_document_content' })
export class TenderDocumentContentRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  contentHash!: string;

  @Column({ type: 'text' })
  content!: string;

  @Column({ type: 'integer' })
  sizeBytes!: number;
}

export const sha256Hex = (content: string): string => createHash('sha256').update(content, 'utf8').digest('hex');

@Injectable()
export class TypeormTenderDocumentStore extends TenderDocumentStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async put(content: string): Promise<string> {
    const contentHash = sha256Hex(content);
    // Same hash, same content: writing it again changes nothing, so concurrent uploads need no lock.
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(TenderDocumentContentRow)
      .values({ contentHash, content, sizeBytes: Buffer.byteLength(content, 'utf8') })
      .orIgnore()
      .execute();
    return contentHash;
  }

  async get(contentHash: string): Promise<string | null> {
    const row = await this.dataSource.getRepository(TenderDocumentContentRow).findOneBy({ contentHash });
    return row?.content ?? null;
  }
}
