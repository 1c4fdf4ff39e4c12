/**
 * Who a connection speaks for. `admin` runs the desk machine itself (pairing devices, secrets);
 * `producer` moderates and runs the show; `speaker`, `press` and `graphics` only follow what is on
 * air and never receive private contact data.
 */
export const ROLES = ['admin', 'producer', 'speaker', 'press', 'graphics'] as const;
export type Role = (typeof ROLES)[number];

/** Role lists that commands and events declare (`command(PRODUCERS, …)`): pick the narrowest. */
export const ADMINS = ['admin'] as const satisfies readonly Role[];
export const PRODUCERS = ['admin', 'producer'] as const satisfies readonly Role[];
/** Everyone on staff, read-only roles included: only for what a teleprompter may show. */
export const EVERYONE = ROLES;
