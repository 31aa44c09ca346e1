// Runs a CLI entry point: a failure prints one line and exits 1. (Uncaught, Node would print the
// throwing line, which the wasm backend's handler makes the whole minified emscripten module.)
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
