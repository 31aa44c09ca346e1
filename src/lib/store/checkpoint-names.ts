// The names an RL run gives the checkpoints it saves. A project import relinks a run's checkpoints
// by these names (project-file.ts), so they are defined once, here.

/** The name a run's frozen reference is saved with (and its rounds' parent). */
export const referenceCheckpointName = (runId: number) => `RL reference (run ${runId})`;

/** The name a round's policy checkpoint is saved with; one named otherwise was renamed and is kept. */
export const roundCheckpointName = (runId: number, round: number) => `RL policy (run ${runId}, round ${round})`;
