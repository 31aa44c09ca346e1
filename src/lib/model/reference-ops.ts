// The train step's ops as they were before they were made faster (one-hot embedding product,
// x.pow(3) in GELU, log-softmax picked by a one-hot), kept for one purpose: `npm run bench --
// --ablation` measures how much of the speed-up came from the faster ops and how much from the
// larger matrices. Off everywhere else; the tests check both give the same numbers.
let enabled = false;

export function useReferenceOps(on: boolean): void {
  enabled = on;
}

export function referenceOps(): boolean {
  return enabled;
}
