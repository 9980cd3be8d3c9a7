// A process that holds an exclusive lock on a SQLite file (as a stuck tool or backup would) until stdin closes.
// Usage: hold-lock.fixture.ts <file>
import * as fs from 'node:fs';
import Database from 'better-sqlite3';

const db = new Database(process.argv[2] as string);
db.pragma('locking_mode = EXCLUSIVE');
db.exec('BEGIN EXCLUSIVE');
fs.writeSync(1, 'locked\n');
process.stdin.on('end', () => {
  db.exec('ROLLBACK');
  db.close();
});
process.stdin.resume();
