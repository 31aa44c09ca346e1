// Plot shapes, group A (see plots/index.ts for the whole list).
import type { Plot } from '../plot';

export const GROUP_A: readonly Plot[] = [];
