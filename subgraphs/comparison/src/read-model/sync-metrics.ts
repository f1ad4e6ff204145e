/**
 * The read model's sync at the comparison's GET /metrics: how long replacing a region's copy takes, how
 * far behind each region the comparison may be (the time since it last confirmed it holds the region's
 * current data), and the data version it holds per region (an info metric: one series per region, the
 * version a label, value 1).
 */
import { Gauge, Histogram, type Registry } from 'prom-client';
import type { RegionSync } from './sync';

/** A copy of a small region takes well under a second, a 50,000-body one about a minute. */
const SYNC_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

export class SyncMetrics {
  private readonly duration: Histogram;

  constructor(registry: Registry, regions: readonly string[], sync: () => RegionSync) {
    this.duration = new Histogram({
      name: 'samverkan_comparison_sync_duration_seconds',
      help: "Replacing a region's copy in the read model, by region and outcome (ok, error).",
      labelNames: ['region', 'outcome'],
      buckets: SYNC_BUCKETS,
      registers: [registry],
    });
    new Gauge({
      name: 'samverkan_comparison_sync_lag_seconds',
      help: "Seconds since the comparison last confirmed it holds the region's current data (grows while the region cannot be reached); absent before the first check.",
      labelNames: ['region'],
      registers: [registry],
      collect() {
        this.reset();
        for (const region of regions) {
          const checkedAt = sync().reachability(region)?.checkedAt;
          if (checkedAt) this.set({ region }, (Date.now() - checkedAt.getTime()) / 1000);
        }
      },
    });
    new Gauge({
      name: 'samverkan_comparison_region_data_version_info',
      help: 'The data version of the copy of each region the comparison holds (label data_version; value 1).',
      labelNames: ['region', 'data_version'],
      registers: [registry],
      collect() {
        this.reset();
        for (const [region, version] of sync().heldVersions()) this.set({ region, data_version: version }, 1);
      },
    });
  }

  replaced(region: string, seconds: number, ok: boolean): void {
    this.duration.observe({ region, outcome: ok ? 'ok' : 'error' }, seconds);
  }
}
