import { AskPage } from './features/ask/AskPage';
import { ConsolePage } from './features/console/ConsolePage';
import { IntakePage } from './features/intake/IntakePage';
import { PrompterPage } from './features/prompter/PrompterPage';
import { RundownPage } from './features/rundown/RundownPage';

/** One bundle, one screen per path; the core serves index.html for each of these routes. */
const SCREENS: Record<string, () => React.JSX.Element> = {
  '/console': ConsolePage,
  '/rundown': RundownPage,
  '/prompter': PrompterPage,
  '/ask': AskPage,
  '/intake': IntakePage,
};

export function App(): React.JSX.Element {
  const Screen = SCREENS[window.location.pathname] ?? ConsolePage;
  return <Screen />;
}
