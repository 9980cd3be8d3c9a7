// A process that holds a lock on a SQLite file until its stdin closes:
//   exclusive: the whole file, as a stuck maintenance tool would (no one else may even read);
//   write:     a long write transaction in WAL mode, as another busy writer would.
// Usage: hold-lock.fixture.ts <file> <exclusive|write>
import * as fs from 'node:fs';
import Database from 'better-sqlite3';

const [file, mode] = process.argv.slice(2);
const db = new Database(file as string);
if (mode === 'exclusive') {
  db.pragma('locking_mode = EXCLUSIVE');
  db.exec('BEGIN EXCLUSIVE');
} else {
  db.exec('BEGIN IMMEDIATE');
}
fs.writeSync(1, 'locked\n');
process.stdin.on('end', () => {
  db.exec('ROLLBACK');
  db.close();
});
process.stdin.resume();
