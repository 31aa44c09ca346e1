import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CROSS_ORIGIN_ISOLATION_HEADERS, withCrossOriginIsolation } from '../../build-plugins/cross-origin-isolation';
import { contentSecurityPolicy, cspHeader } from '../../build-plugins/csp';
import { precacheManifest } from '../../build-plugins/service-worker';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => {
  const [name, ...sources] = d.split(' ');
  return [name, sources] as const;
}));

describe('the Content-Security-Policy', () => {
  it('allows only the app itself in production: no host, no inline code, no eval beyond WebAssembly', () => {
    const policy = contentSecurityPolicy();
    const sources = [...directives(policy).values()].flat();
    // blob: URLs can only be made by the app's own code (a blob's origin is its creator's).
    expect(new Set(sources)).toEqual(new Set(["'self'", "'wasm-unsafe-eval'", "'none'", 'blob:']));
    expect(directives(policy).get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", 'blob:']);
    expect(directives(policy).get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(directives(policy).get('object-src')).toEqual(["'none'"]);
    expect(policy).not.toContain('frame-ancestors'); // ignored in a <meta>, with a console warning
  });

  it('relaxes only styles for the dev server, and forbids framing in the header', () => {
    const dev = directives(cspHeader(true));
    expect(dev.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", 'blob:']);
    expect(directives(cspHeader()).get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe('cross-origin isolation from the service worker', () => {
  it('adds COOP/COEP to a response from a host that sent none, keeping its body, status and headers', async () => {
    const plain = new Response('<!doctype html>', { status: 200, statusText: 'OK', headers: { 'Content-Type': 'text/html' } });
    const out = withCrossOriginIsolation(plain);
    expect(out.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(out.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(out.headers.get('Content-Type')).toBe('text/html');
    expect([out.status, out.statusText]).toEqual([200, 'OK']);
    expect(await out.text()).toBe('<!doctype html>');
    expect(Object.keys(CROSS_ORIGIN_ISOLATION_HEADERS)).toHaveLength(2);
  });

  it('overrides a weaker policy the host sent', () => {
    const out = withCrossOriginIsolation(new Response('x', { headers: { 'Cross-Origin-Embedder-Policy': 'unsafe-none' } }));
    expect(out.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
  });
});

describe('the precache manifest', () => {
  function fakeBuild(): string {
    const dir = mkdtempSync(join(tmpdir(), 'rlhf-sw-'));
    mkdirSync(join(dir, 'assets'));
    mkdirSync(join(dir, 'models'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    writeFileSync(join(dir, 'assets/main-abc.js'), 'console.log(1)');
    writeFileSync(join(dir, 'assets/bench-def.js'), 'bench');
    writeFileSync(join(dir, 'models/starter.ckpt'), 'weights');
    writeFileSync(join(dir, 'sw.js'), 'old worker');
    return dir;
  }

  it('lists every built file but itself and the skipped ones, sorted, with forward slashes', () => {
    const m = precacheManifest(fakeBuild(), (f) => f.startsWith('assets/bench-'));
    expect(m.files).toEqual(['assets/main-abc.js', 'index.html', 'models/starter.ckpt']);
    expect(m.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('gets a new version when any file changes, the same one when none does', () => {
    const a = fakeBuild();
    const b = fakeBuild();
    const skip = () => false;
    expect(precacheManifest(b, skip).version).toBe(precacheManifest(a, skip).version);
    writeFileSync(join(b, 'models/starter.ckpt'), 'new weights');
    expect(precacheManifest(b, skip).version).not.toBe(precacheManifest(a, skip).version);
  });
});
