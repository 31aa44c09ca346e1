// Plot shapes, group C (see plots/index.ts for the whole list).
import type { Plot } from '../plot';

export const GROUP_C: readonly Plot[] = [];
