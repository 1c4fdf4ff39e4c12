import { lazy, Suspense } from 'react';
import { HOME_ROUTE, routeForPath, type Screen } from '../shared/routes';
import { AskPage } from './features/ask/AskPage';
import { ConsolePage } from './features/console/ConsolePage';
import { GraphicsPage } from './features/graphics/GraphicsPage';
import { HandoffsPage } from './features/handoffs/HandoffsPage';
import { IntakePage } from './features/intake/IntakePage';
import { PrompterPage } from './features/prompter/PrompterPage';
import { RundownPage } from './features/rundown/RundownPage';

// The press screen carries the chart library: loaded only when it is opened.
const PressPage = lazy(() => import('./features/press/PressPage').then((m) => ({ default: m.PressPage })));

/** One page per screen of the route table (`shared/routes.ts`); the type demands all. */
const PAGES: Record<Screen, React.ComponentType> = {
  console: ConsolePage,
  rundown: RundownPage,
  prompter: PrompterPage,
  ask: AskPage,
  intake: IntakePage,
  handoffs: HandoffsPage,
  press: PressPage,
  graphics: GraphicsPage,
};

/** The screen at this window's path; any other path shows the home screen. */
export function currentScreen(): Screen {
  return (routeForPath(window.location.pathname) ?? HOME_ROUTE).screen;
}

export function App(): React.JSX.Element {
  const Page = PAGES[currentScreen()];
  return (
    <Suspense fallback={null}>
      <Page />
    </Suspense>
  );
}
