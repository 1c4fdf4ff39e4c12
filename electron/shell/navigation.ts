import { routeForPath, type Route } from '../../shared/routes';

/** The core's screen at `target`, or null for anything else (other origins, APIs, files). */
function deskRoute(target: string, coreOrigin: string): Route | null {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return null;
  }
  return url.origin === coreOrigin ? routeForPath(url.pathname) : null;
}

/**
 * Windows may only ever show the core's own screens (the route table's, nothing else on its
 * origin): no remote pages, no file:// tricks.
 */
export function isAllowedNavigation(target: string, coreOrigin: string): boolean {
  return deskRoute(target, coreOrigin) !== null;
}

/** Links that leave the desk (documentation, a department's site) open in the user's browser. */
export function isExternalHttpLink(target: string): boolean {
  try {
    const { protocol } = new URL(target);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** What the shell does with a link a window asks to open in a new window. */
export type OpenTarget =
  | { kind: 'prompter' }
  | { kind: 'screen'; path: string; url: string }
  | { kind: 'external'; url: string }
  | { kind: 'deny' };

/**
 * A desk screen opens in a window of the app (the teleprompter in its own, on its display), an
 * outside web link in the user's browser, anything else nowhere.
 */
export function openTarget(target: string, coreOrigin: string): OpenTarget {
  const route = deskRoute(target, coreOrigin);
  if (route?.screen === 'prompter') return { kind: 'prompter' };
  if (route) return { kind: 'screen', path: route.path, url: target };
  if (isExternalHttpLink(target)) return { kind: 'external', url: target };
  return { kind: 'deny' };
}
