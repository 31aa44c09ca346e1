// One diverging colour scale for signed per-token values (the RL screen's log π − log π_ref, the
// reward probe's change per token): blue below zero, white at zero, orange above, full colour at
// ±limit. Both ends keep the dark token text (#222) above 5.9:1 contrast. Colour-blind safe (no
// red against green).
const NEGATIVE = [110, 160, 230];
const POSITIVE = [240, 150, 80];

/** The background for `value` on a scale saturating at ±limit; transparent for NaN. */
export function divergingColour(value: number, limit: number): string {
  if (!Number.isFinite(value)) return 'transparent';
  const t = Math.min(1, Math.abs(value) / (limit > 0 ? limit : 1));
  const end = value < 0 ? NEGATIVE : POSITIVE;
  const [r, g, b] = end.map((c) => Math.round(255 + (c - 255) * t));
  return `rgb(${r}, ${g}, ${b})`;
}

/** A signed number as the token views print it: +1.43, −0.20. */
export const signed = (x: number, digits = 2) => (Number.isFinite(x) ? `${x < 0 ? '−' : '+'}${Math.abs(x).toFixed(digits)}` : '–');

/** Spaces and line breaks inside a token drawn (· and ↵), as the generation token view does. */
export const shownToken = (text: string) => text.replace(/ /g, '·').replace(/\n/g, '↵');
