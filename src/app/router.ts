/**
 * A small hash router: `#/`, `#/lecture/<slug>`, `#/lecture/<slug>/<labId>`, each with an optional
 * `?query` that holds lab parameters. Only the path triggers re-renders; the query is read on demand
 * (labs write it with history.replaceState as the learner changes values).
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'lecture'; slug: string; labId?: string }
  | { name: 'notFound'; path: string };

export function hashPath(hash = window.location.hash): string {
  const h = hash.replace(/^#/, '');
  const q = h.indexOf('?');
  const p = q < 0 ? h : h.slice(0, q);
  return p === '' ? '/' : p;
}

export function parseRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'home' };
  if (parts[0] === 'lecture' && parts.length >= 2 && parts.length <= 3) {
    return { name: 'lecture', slug: parts[1], labId: parts[2] };
  }
  return { name: 'notFound', path };
}

/** The query part of the hash route, plus the page's own ?search (for `?backend=` style links). */
export function hashQuery(): URLSearchParams {
  const h = window.location.hash;
  const q = h.indexOf('?');
  const params = new URLSearchParams(window.location.search);
  if (q >= 0) new URLSearchParams(h.slice(q + 1)).forEach((v, k) => params.set(k, v));
  return params;
}

/** Replace the hash query without adding a history entry or re-rendering the route. */
export function replaceHashQuery(query: URLSearchParams): void {
  const path = hashPath();
  const own = new URLSearchParams(window.location.search);
  own.forEach((_v, k) => query.delete(k));
  const qs = query.toString();
  const url = `${window.location.pathname}${window.location.search}#${path}${qs ? `?${qs}` : ''}`;
  window.history.replaceState(window.history.state, '', url);
}

export function lectureHref(slug: string, labId?: string): string {
  return `#/lecture/${slug}${labId ? `/${labId}` : ''}`;
}

export function navigate(href: string): void {
  window.location.hash = href.replace(/^#/, '');
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

export function useRoutePath(): string {
  return useSyncExternalStore(subscribe, () => hashPath(), () => '/');
}
