import { Suspense, useEffect } from 'react';
import { BackendBadge } from './BackendBadge';
import { Home } from './Home';
import { LecturePage } from './LecturePage';
import { OfflineNotice } from './OfflineNotice';
import { ProgressNotice } from './ProgressNotice';
import { ThemeToggle } from './ThemeToggle';
import { parseRoute, useRoutePath } from './router';

// A lecture's frame (title, contents, neighbours) is part of the shell, so it paints with the first
// frame; its text, formulas (KaTeX), charts and tfjs are chunks that load on demand.
export function App() {
  const path = useRoutePath();
  const route = parseRoute(path);
  useEffect(() => {
    if (route.name === 'home') document.title = 'I2DL Playground';
  }, [route.name]);
  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header className="site-header">
        <a className="brand" href="#/">I2DL Playground</a>
        <span className="tagline">Introduction to Deep Learning, trained live in your browser</span>
        <BackendBadge />
        <ThemeToggle />
      </header>
      <ProgressNotice />
      <OfflineNotice />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="loading">Loading…</p>}>
          {route.name === 'home' ? <Home /> : null}
          {route.name === 'lecture' ? <LecturePage key={route.slug} slug={route.slug} labId={route.labId} /> : null}
          {route.name === 'notFound' ? (
            <div className="not-found">
              <h1>Page not found</h1>
              <p>There is no page at “{route.path}”. <a href="#/">Back to the course overview</a>.</p>
            </div>
          ) : null}
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>Formulas and worked numbers follow the course notes of Introduction to Deep Learning. Everything runs in your browser; nothing is downloaded at run time.</p>
      </footer>
    </>
  );
}
