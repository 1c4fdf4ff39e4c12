import { LANGUAGES } from './domain';
import { GRAPHICS_VARIANTS, type DeviceLinkKind, type LinkRole } from './protocol';

/** The screens of the single-page UI; each has one path and one React page. */
export const SCREENS = ['console', 'rundown', 'prompter', 'ask', 'intake', 'handoffs', 'press', 'graphics'] as const;
export type Screen = (typeof SCREENS)[number];

/** One screen of the UI: where it lives, who uses it and whether the staff navigation lists it. */
export interface Route {
  path: `/${string}`;
  screen: Screen;
  /** Who opens it; `public` needs no token. A role's LAN link opens the first screen listing it. */
  roles: readonly DeviceLinkKind[];
  /** Listed in the producers' navigation bar (label `nav.<screen>`). */
  nav: boolean;
}

/**
 * The one list of screens. The React router, the navigation, the core's HTTP UI routes, the
 * desktop shell's allow-list and the LAN links are all derived from it, so a screen added here
 * is reachable everywhere at once. Order is the navigation's order (how producers use them).
 */
export const ROUTES: readonly Route[] = [
  { path: '/console', screen: 'console', roles: ['producer'], nav: true },
  { path: '/rundown', screen: 'rundown', roles: ['producer'], nav: true },
  // Before the teleprompter, so a press link opens the press report.
  { path: '/press', screen: 'press', roles: ['press', 'producer'], nav: true },
  { path: '/prompter', screen: 'prompter', roles: ['speaker', 'press', 'producer'], nav: true },
  { path: '/ask', screen: 'ask', roles: ['public'], nav: true },
  { path: '/intake', screen: 'intake', roles: ['producer'], nav: true },
  { path: '/handoffs', screen: 'handoffs', roles: ['producer'], nav: true },
  // An output for the vision mixer (a browser source), not a screen people work in.
  { path: '/graphics', screen: 'graphics', roles: ['graphics', 'producer'], nav: false },
];

/** The screen shown at `/` and for any path that is not a screen. */
export const HOME_ROUTE: Route = ROUTES[0]!;

export const UI_PATHS: readonly string[] = ROUTES.map((route) => route.path);

/** The route at `pathname`, or null when it is not one of the UI's screens. */
export function routeForPath(pathname: string): Route | null {
  return ROUTES.find((route) => route.path === pathname) ?? null;
}

/** The screen a LAN link of this kind opens: the first route that lists it. */
export function linkRoute(kind: DeviceLinkKind): Route {
  const route = ROUTES.find((r) => r.roles.includes(kind));
  if (!route) throw new Error(`No screen for ${kind} links`);
  return route;
}

/**
 * The screen's own URL parameters a pairing link carries on to the screen it opens: its language,
 * and for a graphics output its variant. Anything else, or a value not one of the known ones, is
 * dropped, so a link can never steer the device elsewhere.
 */
export function screenParams(role: LinkRole, asked: { lang?: unknown; variant?: unknown }): Record<string, string> {
  const params: Record<string, string> = {};
  if ((LANGUAGES as readonly unknown[]).includes(asked.lang)) params.lang = asked.lang as string;
  if (role === 'graphics' && (GRAPHICS_VARIANTS as readonly unknown[]).includes(asked.variant)) params.variant = asked.variant as string;
  return params;
}
