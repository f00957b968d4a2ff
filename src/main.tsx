import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { registerServiceWorker } from './app/serviceWorker';
import { watchScrollRegions } from './app/scrollRegions';
import './styles/global.css';
import './styles/theme.css';
import './styles/print.css';
// KaTeX's and the lecture pages' styles are part of the shell's stylesheet (in the order they used
// to arrive in): added later, with a lecture, each made the browser recompute the style of the
// whole page (≈ 50 ms here) while it loaded.
import 'katex/dist/katex.min.css';
import './lectures/lecture.css';

createRoot(document.getElementById('root')!).render(<App />);
// Wide tables that scroll sideways become keyboard-focusable regions while they overflow.
watchScrollRegions();
// Offline support (production builds only); it registers once the page has loaded.
registerServiceWorker();
