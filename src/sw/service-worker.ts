// The service worker: after one visit the app runs with the network off. It precaches every file
// the build wrote (pages, scripts, the engine worker, the wasm binaries, the starter model, the
// corpus, prompts and preference set) and answers from that cache first. Large files the app
// rarely needs (the classic-books model) are cached the first time they are fetched instead. The list and the
// version come from build-plugins/service-worker.ts; one cache per build, older ones deleted.
import { withCrossOriginIsolation } from '../../build-plugins/cross-origin-isolation';
import type { PrecacheManifest } from '../../build-plugins/service-worker';

declare const __PRECACHE_MANIFEST__: PrecacheManifest;

const sw = self as unknown as ServiceWorkerGlobalScope;
const manifest = __PRECACHE_MANIFEST__;
const PREFIX = 'rlhf-playground-';
const CACHE = `${PREFIX}${manifest.version}`;
const scope = () => new URL(sw.registration.scope);
const INDEX = 'index.html';

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // cache: 'reload' skips the HTTP cache, so nothing stale from an older build is stored.
      await cache.addAll(manifest.files.map((f) => new Request(new URL(f, scope()), { cache: 'reload' })));
      // No skipWaiting(): a new build waits until no page of the old one is open, so an open page
      // never finds the files of its build deleted under it (training runs for a long time).
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
      await sw.clients.claim(); // the first visit works offline too, not only the next one
    })(),
  );
});

/** The cached copy of a request, if the build has one: the page for any of its addresses. */
function cacheKey(request: Request): string | undefined {
  if (request.method !== 'GET') return undefined;
  const url = new URL(request.url);
  const base = scope();
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return undefined;
  const path = url.pathname.slice(base.pathname.length);
  // ?backend=... and #reward are read by the page itself: every navigation to the app gets index.html.
  if (request.mode === 'navigate' && (path === '' || path === INDEX)) return new URL(INDEX, base).href;
  return manifest.files.includes(path) || manifest.onDemand.includes(path) ? new URL(path, base).href : undefined;
}

sw.addEventListener('fetch', (event) => {
  const key = cacheKey(event.request);
  if (!key) return; // not part of the app (the benchmark page, the dev server): the network as usual
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const cached = await cache.match(key);
      if (cached) return withCrossOriginIsolation(cached);
      const response = await fetch(event.request);
      // An on-demand file (the classic-books model) is kept from its first fetch: offline after that.
      if (response.ok && manifest.onDemand.some((f) => key === new URL(f, scope()).href)) await cache.put(key, response.clone());
      // Isolated (wasm's threads) even from a static host that sends no COOP/COEP.
      return withCrossOriginIsolation(response);
    })(),
  );
});
