import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { registerServiceWorker } from './app/serviceWorker';
import { watchScrollRegions } from './app/scrollRegions';
import './styles/global.css';
import './styles/theme.css';
import './styles/print.css';

createRoot(document.getElementById('root')!).render(<App />);
// Wide tables that scroll sideways become keyboard-focusable regions while they overflow.
watchScrollRegions();
// Offline support (production builds only); it registers once the page has loaded.
registerServiceWorker();
