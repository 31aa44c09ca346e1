// Each test gets its own IndexedDB (fake-indexeddb in Node), deleted after the test.
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { PlaygroundDB } from '../../src/lib/store/db';

/** Returns a maker of fresh, uniquely named databases; registers their deletion after each test. */
export function freshDatabases(prefix: string): () => PlaygroundDB {
  const opened: PlaygroundDB[] = [];
  let count = 0;
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.delete();
  });
  return () => {
    const db = new PlaygroundDB(`${prefix}-${count++}`);
    opened.push(db);
    return db;
  };
}
