import { BidAttachmentStore, sha256Hex } from '@tendril/bidding/application';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Documents' bytes on disk, addressed by content: `<root>/<first two hex digits>/<sha256>`. A file is
 * written to a temporary name in the same folder, flushed, then renamed into place, so a reader never
 * sees half a document and a crash leaves at most a stray temporary file. The same content is stored
 * once, however many bids attach it. Files are never deleted: removed documents stay part of the record.
 */
export class FileBidAttachmentStore extends BidAttachmentStore {
  constructor(private readonly root: string) {
    super();
  }

  async put(content: Buffer): Promise<string> {
    const sha256 = sha256Hex(content);
    const target = this.pathOf(sha256);
    if ((await this.read(target))?.hash === sha256) return sha256;
    const folder = path.dirname(target);
    await fs.mkdir(folder, { recursive: true });
    const temporary = path.join(folder, `.${sha256}.${randomUUID()}.tmp`);
    const handle = await fs.open(temporary, 'wx', 0o640);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.rename(temporary, target);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
    await this.syncFolder(folder);
    return sha256;
  }

  async get(sha256: string): Promise<Buffer | null> {
    if (!SHA256_HEX.test(sha256)) return null;
    const stored = await this.read(this.pathOf(sha256));
    if (!stored) return null;
    if (stored.hash !== sha256) throw new Error(`Attachment ${sha256} on disk no longer matches its hash: the file is damaged`);
    return stored.content;
  }

  private pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  private async read(file: string): Promise<{ content: Buffer; hash: string } | null> {
    try {
      const content = await fs.readFile(file);
      return { content, hash: sha256Hex(content) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  // The rename is durable only once the folder's entry is flushed too (where the platform allows it).
  private async syncFolder(folder: string): Promise<void> {
    let handle: fs.FileHandle | undefined;
    try {
      handle = await fs.open(folder, 'r');
      await handle.sync();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw error;
    } finally {
      await handle?.close();
    }
  }
}
