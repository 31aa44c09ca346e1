// The benchmark's output: environment, a table (backend | metric | value | unit), and with --json
// a last stdout line holding one JSON object {"results": [...], "environment", "errors", "warnings"}.
import type { BackendReport, InfoValue } from '../types';

export interface ResultRow {
  backend: string;
  metric: string;
  value: number;
  unit: string;
}

export interface Environment {
  node: string;
  cpus: string;
  chromium?: string;
  tfjs?: InfoValue;
  /** The measured model's config (starter size, tokenizer vocabulary). */
  model?: InfoValue;
  /** Per backend: what ran, why, on which adapter, with which plan, how long it took. */
  backends: Record<string, Record<string, InfoValue>>;
}

// Four significant digits: single runs on a shared machine are not more precise than that.
const round = (v: number) => Number(v.toPrecision(4));

export function resultRows(reports: BackendReport[]): ResultRow[] {
  return reports.flatMap((r) => r.measurements.map((m) => ({ backend: r.backend, metric: m.metric, value: round(m.value), unit: m.unit })));
}

// Backends agree to ~1e-5 on these losses when they compute the same thing (fp32 rounding).
const LOSS_TOLERANCE = 5e-3;

/**
 * Cross-check: same seed, same batches, so backends that trained the same number of steps must
 * end at the same loss. A mismatch means a backend computes something else (so its speed is
 * not comparable either).
 */
export function lossMismatches(reports: BackendReport[]): string[] {
  const groups = new Map<string, BackendReport[]>();
  for (const r of reports) {
    if (r.error || typeof r.info.train_loss_last !== 'number') continue;
    const key = `${r.plan.steps} x ${r.plan.batchSize}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out: string[] = [];
  for (const [key, group] of groups) {
    const losses = group.map((r) => r.info.train_loss_last as number);
    if (Math.max(...losses) - Math.min(...losses) > LOSS_TOLERANCE) {
      out.push(`train loss after 1 warm-up + ${key} steps differs between backends: ${group.map((r) => `${r.backend} ${r.info.train_loss_last}`).join(', ')}`);
    }
  }
  return out;
}

/** Tensors still alive after measure() disposed everything it made. */
export function leaks(reports: BackendReport[]): string[] {
  const leaky = reports.filter((r) => typeof r.info.tensors_leaked === 'number' && r.info.tensors_leaked !== 0);
  return leaky.length ? [`tensors left after disposing the model and trainer: ${leaky.map((r) => `${r.backend} ${r.info.tensors_leaked}`).join(', ')}`] : [];
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

export function printReport(reports: BackendReport[], env: Environment, json: boolean): void {
  console.log(`environment: node ${env.node}; ${env.cpus}; chromium ${env.chromium ?? 'not used'}`);
  const warnings = [...lossMismatches(reports), ...leaks(reports)];
  for (const w of warnings) console.log(`warning: ${w}`);
  console.log(table(['backend', 'ran', 'samples x tokens', 'steps x batch', 'seconds', 'adapter', 'reason'], reports.map((r) => [
    r.backend, `${r.info.ran ?? '-'}${typeof r.info.wasm_threads === 'number' ? ` x${r.info.wasm_threads}` : ''}`, `${r.plan.samples} x ${r.plan.tokens}`, `${r.plan.steps} x ${r.plan.batchSize}`,
    String(env.backends[r.backend]?.wall_s ?? '-'), String(r.info.adapter ?? '-'), String(r.info.reason ?? '-'),
  ])));
  console.log('');
  const rows = resultRows(reports).map((r) => [r.backend, r.metric, String(r.value), r.unit]);
  for (const r of reports) if (r.error) rows.push([r.backend, 'error', r.error, '']);
  console.log(table(['backend', 'metric', 'value', 'unit'], rows));
  if (json) {
    const errors = reports.filter((r) => r.error).map((r) => ({ backend: r.backend, error: r.error }));
    console.log(JSON.stringify({ results: resultRows(reports), environment: env, errors, warnings }));
  }
}
