// The check behind every numeric setting: why a value is refused, or '' when it is fine.

/** `value` is what a number input binds: null while it is empty or cannot be parsed. */
export function numberProblem(value: number | null, min: number, max: number, step: number): string {
  if (value === null || !Number.isFinite(value)) return 'needs a number';
  if (value < min || value > max) return `must be between ${min} and ${max}`;
  if (Number.isInteger(step) && !Number.isInteger(value)) return 'must be a whole number';
  return '';
}
