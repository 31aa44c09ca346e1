// npm run settings-docs: writes each trainer's settings table (engine/settings-tables.ts) into the
// README between its <!-- settings:NAME --> and <!-- /settings:NAME --> markers. --check only
// compares, and exits 1 naming the tables that differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { SETTINGS_TABLES } from '../src/lib/engine/settings-tables';
import { markdownTable } from '../src/lib/util/settings-table';

/** The README with every settings block rewritten from the tables; throws on a missing marker. */
export function withSettingsTables(readme: string): string {
  let out = readme;
  for (const [name, { title, knobs }] of Object.entries(SETTINGS_TABLES)) {
    const open = `<!-- settings:${name} -->`;
    const close = `<!-- /settings:${name} -->`;
    const a = out.indexOf(open);
    const b = out.indexOf(close);
    if (a < 0 || b < a) throw new Error(`README has no ${open} ... ${close} block`);
    out = `${out.slice(0, a + open.length)}\n**${title}**\n\n${markdownTable(knobs)}\n${out.slice(b)}`;
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const readme = readFileSync('README.md', 'utf8');
  const next = withSettingsTables(readme);
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README settings tables differ from the code: run npm run settings-docs');
      process.exit(1);
    }
    console.log('README settings tables match the code.');
  } else {
    writeFileSync('README.md', next);
    console.log(next === readme ? 'README settings tables already up to date.' : 'README settings tables rewritten.');
  }
}
