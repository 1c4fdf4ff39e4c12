/** Screens the desktop windows may show; anything else on the core's origin is refused too. */
const APP_PATHS = new Set(['/console', '/prompter', '/ask']);

/** Windows may only ever show the core's own screens: no remote pages, no file:// tricks. */
export function isAllowedNavigation(target: string, coreOrigin: string): boolean {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  return url.origin === coreOrigin && APP_PATHS.has(url.pathname);
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
