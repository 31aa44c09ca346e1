// One table per trainer: each knob's key, default, range, label and one-line help, as TRL's
// `*_config.py` fields carry theirs. Validation, the app's form fields and the README's settings
// tables all derive from it, so the help a person reads, the range a run is checked against and
// the default it starts from are written once.

interface KnobBase<K extends string> {
  key: K;
  /** What the form shows (and browser tests find the field by). */
  label: string;
  /** One line: the field's tooltip and the README's description. */
  help: string;
  /** What error messages call it (default: the key). */
  name?: string;
}

export interface NumberKnob<K extends string = string> extends KnobBase<K> {
  kind: 'int' | 'number';
  default: number;
  /** The range a run accepts; an open end excludes its bound. max may be Infinity. */
  min: number;
  max: number;
  minOpen?: boolean;
  maxOpen?: boolean;
  /** The form's range where it is narrower (a browser run that would never finish). */
  form?: { min?: number; max?: number };
  /** The form's step (ints: 1). */
  step?: number;
}

export interface BoolKnob<K extends string = string> extends KnobBase<K> {
  kind: 'bool';
  default: boolean;
}

export interface ChoiceKnob<K extends string = string, V extends string = string> extends KnobBase<K> {
  kind: 'choice';
  default: V;
  options: ReadonlyArray<{ value: V; label: string }>;
}

export type Knob = NumberKnob | BoolKnob | ChoiceKnob;

/** The knob a field of T takes: a number, a boolean, or one of a few strings. */
type KnobFor<T, K extends keyof T & string> = T[K] extends number ? NumberKnob<K>
  : T[K] extends boolean ? BoolKnob<K>
  : T[K] extends string ? ChoiceKnob<K, T[K]>
  : never;

/** A table covering exactly the fields of T that it lists, each with a knob of the field's type. */
export type SettingsTable<T> = ReadonlyArray<{ [K in keyof T & string]: KnobFor<T, K> }[keyof T & string]>;

/** Every knob's default, as the settings object the table describes. */
export function defaultsOf<T>(table: SettingsTable<T>): T {
  return Object.fromEntries(table.map((k) => [k.key, k.default])) as T;
}

/** The range in words, as error messages and the README give it: "an integer in 1..64", "in (0, 1)". */
export function rangeText(k: NumberKnob): string {
  if (k.min === -Infinity && k.max === Infinity) return k.kind === 'int' ? 'to be an integer' : 'to be a finite number';
  if (k.kind === 'int') return k.max === Infinity ? `to be an integer >= ${k.min}` : `to be an integer in ${k.min}..${k.max}`;
  if (k.max === Infinity) return `to be a number ${k.minOpen ? '>' : '>='} ${k.min}`;
  if (!k.minOpen && !k.maxOpen) return `in ${k.min}..${k.max}`;
  return `in ${k.minOpen ? '(' : '['}${k.min}, ${k.max}${k.maxOpen ? ')' : ']'}`;
}

/** Why `value` is refused for knob k, as "Expected … but got …", or '' when it is fine. */
export function knobProblem(k: Knob, value: unknown): string {
  const name = k.name ?? k.key;
  const refuse = (what: string) => `Expected ${name} ${what}, but got ${String(value)}`;
  if (k.kind === 'bool') return typeof value === 'boolean' ? '' : refuse('to be true or false');
  if (k.kind === 'choice') {
    const values = k.options.map((o) => `'${o.value}'`);
    return k.options.some((o) => o.value === value) ? '' : refuse(values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values.at(-1)}` : values[0]);
  }
  const v = value as number;
  const ok = typeof v === 'number' && Number.isFinite(v) && (k.kind === 'number' || Number.isInteger(v))
    && (k.minOpen ? v > k.min : v >= k.min) && (k.maxOpen ? v < k.max : v <= k.max);
  return ok ? '' : refuse(rangeText(k));
}

/** Throws on the first field of `values` the table refuses, naming it and its value; returns values. */
export function checkSettings<T>(table: SettingsTable<T>, values: T): T {
  for (const k of table as ReadonlyArray<Knob>) {
    const problem = knobProblem(k, (values as Record<string, unknown>)[k.key]);
    if (problem) throw new Error(problem);
  }
  return values;
}

/** What a form's number input takes for a knob: its range (the form's, where narrower) and step. */
export function formRange(k: NumberKnob): { min: number; max: number; step: number } {
  return { min: k.form?.min ?? k.min, max: k.form?.max ?? k.max, step: k.step ?? (k.kind === 'int' ? 1 : 0.0001) };
}

/** The knobs of a table, by key, in the order asked for: a form that shows some of them. */
export function knobsOf<T, K extends keyof T & string>(table: SettingsTable<T>, keys: readonly K[]): Array<{ [P in K]: KnobFor<T, P> }[K]> {
  return keys.map((key) => {
    const k = (table as ReadonlyArray<Knob>).find((x) => x.key === key);
    if (!k) throw new Error(`Expected a knob "${key}" in the table`);
    return k as { [P in K]: KnobFor<T, P> }[K];
  });
}

/** The table as README markdown: setting, label, default, range, help. */
export function markdownTable(table: ReadonlyArray<Knob>): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const range = (k: Knob) => k.kind === 'bool' ? 'true / false'
    : k.kind === 'choice' ? k.options.map((o) => `\`${o.value}\``).join(', ')
    : rangeText(k).replace(/^to be /, '').replace(/^in /, '');
  const rows = table.map((k) => `| \`${k.key}\` | ${cell(k.label)} | \`${String(k.default)}\` | ${cell(range(k))} | ${cell(k.help)} |`);
  return ['| setting | label | default | range | what it does |', '|---|---|---|---|---|', ...rows].join('\n');
}
