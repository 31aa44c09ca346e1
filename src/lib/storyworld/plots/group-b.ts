// Plot shapes, group B (see plots/index.ts for the whole list).
import type { Plot } from '../plot';

export const GROUP_B: readonly Plot[] = [];
