// Tiny --flag value parser for the CLI entry points: every flag declared with its default.

export type FlagSpec = Record<string, string | number | boolean>;

export function parseFlags<T extends FlagSpec>(argv: string[], defaults: T): T {
  const out: FlagSpec = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}"`);
    const key = arg.slice(2).replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase());
    if (!(key in defaults)) throw new Error(`Unknown flag ${arg}; known: ${Object.keys(defaults).map((k) => '--' + k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())).join(' ')}`);
    const kind = typeof defaults[key];
    if (kind === 'boolean') { out[key] = true; continue; }
    const value = argv[++i];
    if (value === undefined) throw new Error(`Flag ${arg} needs a value`);
    if (kind === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n)) throw new Error(`Flag ${arg} needs a number, but got "${value}"`);
      out[key] = n;
    } else {
      out[key] = value;
    }
  }
  return out as T;
}
