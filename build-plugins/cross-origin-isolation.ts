// Cross-origin isolation: the headers that give a page SharedArrayBuffer, which tfjs-backend-wasm
// needs before it picks its multi-threaded build. Sent by `vite` and `vite preview`, and added by
// the service worker to what it serves from its cache (so a static host without these headers
// still gets them from the second visit on). Every file of the app is same-origin, so
// require-corp blocks nothing of ours.
export const CROSS_ORIGIN_ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * The response with the isolation headers added (the service worker's answer from its cache: the
 * cached copy keeps whatever headers the host sent). An opaque response cannot be rebuilt: as is.
 */
export function withCrossOriginIsolation(response: Response): Response {
  if (response.type === 'opaque' || response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(CROSS_ORIGIN_ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
