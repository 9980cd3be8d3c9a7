import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';

const workspaceRoot = path.resolve(__dirname, '../../../../..');

export interface RunningFixture {
  readonly child: ChildProcess;
  /** Every complete line the child has printed so far. */
  readonly lines: string[];
  /** Resolves with the first line (already printed or still to come) that passes the test. */
  waitForLine(test: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Resolves when the child has exited, with its exit code (null when killed by a signal). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Starts one of the fixtures in this folder as a real Node process running TypeScript through SWC. */
export const startFixture = (fixture: string, args: readonly string[]): RunningFixture => {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, fixture), ...args], {
    cwd: workspaceRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const listeners = new Set<(line: string) => void>();
  readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    lines.push(line);
    for (const listener of listeners) listener(line);
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  const waitForLine = (test: (line: string) => boolean, timeoutMs = 15_000): Promise<string> =>
    new Promise((resolve, reject) => {
      const seen = lines.find(test);
      if (seen !== undefined) return resolve(seen);
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`${fixture} printed no matching line within ${timeoutMs} ms; stderr: ${stderr}`));
      }, timeoutMs);
      const listener = (line: string) => {
        if (!test(line)) return;
        clearTimeout(timer);
        listeners.delete(listener);
        resolve(line);
      };
      listeners.add(listener);
      void exited.then(() => {
        if (!listeners.has(listener)) return;
        clearTimeout(timer);
        listeners.delete(listener);
        reject(new Error(`${fixture} exited before printing the expected line; stderr: ${stderr}`));
      });
    });
  return { child, lines, waitForLine, exited };
};
