/** Tender documents by content: the event log carries only the SHA-256, the store keeps the bytes. */
export abstract class TenderDocumentStore {
  /** Stores the content (idempotent: the same content is stored once) and answers its lower-case hex SHA-256. */
  abstract put(content: string): Promise<string>;
  abstract get(contentHash: string): Promise<string | null>;
}
