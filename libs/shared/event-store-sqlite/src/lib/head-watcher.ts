import * as fs from 'node:fs';
import * as path from 'node:path';

export interface HeadWaiter {
  readonly promise: Promise<void>;
  /** Ends the wait early (the subscription is closing). */
  wake(): void;
}

/** Re-checks after a WAL change, 1, 2, 4, 8, 8... ms apart. */
const WATCH_RECHECKS = 8;

interface PendingWaiter {
  readonly after: number;
  readonly resolve: () => void;
}

/**
 * Tells subscriptions when the log has grown past a position. Appends from this process are
 * announced directly; appends from other processes are noticed through PRAGMA data_version,
 * checked when the WAL file changes (fs.watch) and on a timer in case the watch misses a change.
 * It only watches while someone is waiting, so an idle store costs nothing.
 */
export class HeadWatcher {
  private knownHead: number;
  private dataVersion: number;
  private readonly waiters = new Set<PendingWaiter>();
  private timer: NodeJS.Timeout | undefined;
  private watcher: fs.FSWatcher | undefined;
  private stopped = false;
  private burst: NodeJS.Timeout | undefined;

  constructor(
    private readonly readHead: () => number,
    private readonly readDataVersion: () => number,
    private readonly walFile: string,
    private readonly pollIntervalMs: number,
  ) {
    this.knownHead = readHead();
    this.dataVersion = readDataVersion();
  }

  waitBeyond(position: number): HeadWaiter {
    this.check();
    if (this.knownHead > position || this.stopped) return { promise: Promise.resolve(), wake: () => undefined };
    let entry: PendingWaiter | undefined;
    const promise = new Promise<void>((resolve) => {
      entry = { after: position, resolve };
    });
    const waiter = entry as PendingWaiter;
    this.waiters.add(waiter);
    this.startWatching();
    return {
      promise,
      wake: () => {
        this.waiters.delete(waiter);
        waiter.resolve();
        if (this.waiters.size === 0) this.stopWatching();
      },
    };
  }

  /** An append of this process committed up to `position` (data_version only reports other connections). */
  committedLocally(position: number): void {
    this.advance(position);
  }

  stop(): void {
    this.stopped = true;
    for (const waiter of this.waiters) waiter.resolve();
    this.waiters.clear();
    this.stopWatching();
  }

  private check = (): void => {
    if (this.stopped) return;
    const version = this.readDataVersion();
    if (version === this.dataVersion) return;
    this.dataVersion = version;
    this.advance(this.readHead());
  };

  /**
   * The WAL is written (and watched) before the commit is visible: the commit becomes visible when
   * SQLite updates the memory-mapped wal-index, which no watch reports. So after a WAL change, look
   * again a few times over the next few milliseconds.
   */
  private checkSoon(): void {
    if (this.burst) return;
    let attempts = 0;
    const version = this.dataVersion;
    const again = () => {
      this.check();
      attempts += 1;
      this.burst = this.dataVersion === version && attempts < WATCH_RECHECKS && !this.stopped ? setTimeout(again, 1 << Math.min(attempts, 3)) : undefined;
    };
    again();
  }

  private advance(head: number): void {
    if (head <= this.knownHead) return;
    this.knownHead = head;
    for (const waiter of this.waiters) {
      if (waiter.after < head) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
    if (this.waiters.size === 0) this.stopWatching();
  }

  private startWatching(): void {
    if (this.timer) return;
    this.timer = setInterval(this.check, this.pollIntervalMs);
    try {
      // Watch the folder, not the file: SQLite may delete and recreate the WAL, and a file watch would go stale.
      const walName = path.basename(this.walFile);
      this.watcher = fs.watch(path.dirname(this.walFile), { persistent: false }, (_event, name) => {
        if (name === null || String(name) === walName) this.checkSoon();
      });
      this.watcher.on('error', () => this.closeWatcher());
    } catch {
      // No WAL file to watch (or no inotify): the timer alone notices new events.
      this.watcher = undefined;
    }
  }

  private stopWatching(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.burst) clearTimeout(this.burst);
    this.burst = undefined;
    this.timer = undefined;
    this.closeWatcher();
  }

  private closeWatcher(): void {
    this.watcher?.close();
    this.watcher = undefined;
  }
}
