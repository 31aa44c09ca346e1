// Lets queued events (a worker's incoming messages) run. On the wasm and cpu backends
// `await tensor.data()` resolves as a microtask, so a training or sampling loop would otherwise
// never give the event loop a turn: Pause and Stop would wait for the loop to end.
// A MessageChannel round trip is a macrotask without setTimeout's 4 ms clamp.
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
