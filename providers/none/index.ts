import type { ProviderDefinition } from '../../src/provider/types.js';

/**
 * NONE: DNSControl's placeholder. As a registrar it means "delegation is not managed here"; as a DNS
 * provider it holds nothing and accepts nothing, so a domain can be declared for inventory only.
 */
export const noneProvider: ProviderDefinition<Record<string, never>> = {
  type: 'NONE',
  capabilities: { records: {}, features: {} },
  granularity: 'zone',
  parseSettings: () => ({}),
  create: () => ({
    // Reports the zone as empty and drops every change: NONE never serves anything.
    getRecords: async () => [],
    apply: async (_zone, changes, ctx) => {
      ctx.applied(changes);
    },
  }),
};
