// Registers the service worker that keeps the app usable offline (built apps only: the dev
// server has no sw.js, and its modules change on every edit).
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // After load, so precaching does not compete with the app's own start.
  addEventListener('load', () => {
    navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch((e: unknown) => {
      console.warn('Offline use is unavailable: the service worker did not register.', e);
    });
  });
}
