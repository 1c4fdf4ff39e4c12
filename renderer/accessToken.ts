const STORAGE_KEY = 'desk.token';

/**
 * A LAN link carries `?token=`; it is remembered on this device and dropped from the address bar
 * so it is not shared by accident. On the desk's own machine there is none and none is needed.
 */
function readToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    window.localStorage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return window.localStorage.getItem(STORAGE_KEY);
}

export const accessToken: string | null = readToken();

/** Header for staff HTTP calls (CSV import). */
export function accessHeaders(): Record<string, string> {
  return accessToken ? { 'x-desk-token': accessToken } : {};
}
