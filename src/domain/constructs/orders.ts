/** Schutz's construct orders as the construct lists filter them (METHOD.md §2.2). */
export const CONSTRUCT_ORDERS = ['all', 'first', 'second'] as const
export type ConstructOrderFilter = (typeof CONSTRUCT_ORDERS)[number]

export const ORDER_LABELS = { first: 'First-order (quote)', second: 'Second-order (authors’ interpretation)' } as const
