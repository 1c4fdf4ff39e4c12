/** Who a connection speaks for; speakers and press never receive private contact data. */
export const ROLES = ['producer', 'speaker', 'press'] as const;
export type Role = (typeof ROLES)[number];
