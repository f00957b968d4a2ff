/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Registers the service worker of the production build (vite-plugin-pwa, Workbox; configured in
 * vite.config.ts) and keeps its state for OfflineNotice:
 * - `offlineReady`: the first install has precached the whole course — it now works offline;
 * - `needRefresh`: a new version is installed and waiting. It never takes over by itself (a reload
 *   would throw away a learner's running lab); `reload()` activates it and reloads the page, and
 *   without that it takes over once every tab of the course has been closed.
 * In dev no service worker exists (the plugin's dev mode is off), and a browser without service
 * workers, or one that refuses the registration (private modes, tests), simply stays online-only.
 */
import { registerSW } from 'virtual:pwa-register';
import { create } from 'zustand';

type SwState = {
  offlineReady: boolean;
  needRefresh: boolean;
  /** Activate the waiting version and reload the page. */
  reload: () => void;
  dismiss: () => void;
};

export const useServiceWorker = create<SwState>()((set) => ({
  offlineReady: false,
  needRefresh: false,
  reload: () => {},
  dismiss: () => set({ offlineReady: false, needRefresh: false }),
}));

const UPDATE_CHECK_MS = 60 * 60 * 1000;
const RELOAD_FALLBACK_MS = 5000;

export function registerServiceWorker() {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const update = registerSW({
    onOfflineReady: () => useServiceWorker.setState({ offlineReady: true }),
    onNeedRefresh: () => useServiceWorker.setState({ needRefresh: true, offlineReady: false }),
    onRegisteredSW: (_url, registration) => {
      // A course tab may stay open for days: look for a new version hourly while online.
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) registration.update().catch(() => {});
      }, UPDATE_CHECK_MS);
    },
    // Not being able to work offline is no error for the page: it keeps working online.
    onRegisterError: () => {},
  });
  useServiceWorker.setState({
    reload: () => {
      // The new version takes over and the page reloads when it does; if that hand-over never comes
      // (another tab already activated it), reload anyway, as the learner asked.
      void update(true);
      setTimeout(() => window.location.reload(), RELOAD_FALLBACK_MS);
    },
  });
}
