// What bench-chart.html leaves on window.__chartBench for bench/chart-longtasks.ts.
export interface ChartBenchReport {
  charts: number;
  startPoints: number;
  endPoints: number;
  /** ms between new points. */
  every: number;
  seconds: number;
  updates: number;
  /** Main-thread tasks over 50 ms (the browser's long-task observer), their longest, and Σ(duration − 50). */
  longTasks: number;
  maxLongTaskMs: number;
  blockingMs: number;
  /** Each long task: ms after the first point was due, and its length. */
  longTaskStarts: number[];
  longTaskDurations: number[];
}
