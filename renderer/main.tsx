import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App, currentScreen } from './App';
import { i18n } from './i18n';
import { DeskProviders } from './theme/DeskProviders';
import './styles.css';

// Lets end-to-end tests (and styles) tell which page the router chose for a path.
document.body.dataset.screen = currentScreen();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <DeskProviders screen={currentScreen()}>
        <App />
      </DeskProviders>
    </I18nextProvider>
  </StrictMode>,
);
