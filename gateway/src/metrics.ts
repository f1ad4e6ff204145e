/** The gateway's GET /metrics (prom-client): load shedding, expensive work in flight, the cache. */
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { WorkLimiter } from './shedding';

export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly shedCounter = new Counter({ name: 'samverkan_gateway_shed_total', help: 'Expensive operations refused with 503 (queue full or timed out, heap nearly full).', labelNames: ['reason'], registers: [this.registry] });
  private readonly limitedCounter = new Counter({ name: 'samverkan_gateway_rate_limited_total', help: 'Requests refused with 429 (per-client rate limit).', registers: [this.registry] });

  constructor() {
    this.registry.setDefaultLabels({ service: 'gateway' });
    collectDefaultMetrics({ register: this.registry });
  }

  watch(limiter: WorkLimiter, cacheBytes: () => number): void {
    new Gauge({ name: 'samverkan_gateway_expensive_active', help: 'Expensive operations running.', registers: [this.registry], collect() { this.set(limiter.active); } });
    new Gauge({ name: 'samverkan_gateway_expensive_queued', help: 'Expensive operations waiting for a slot.', registers: [this.registry], collect() { this.set(limiter.queued); } });
    new Gauge({ name: 'samverkan_gateway_response_cache_bytes', help: 'Bytes held by the response cache.', registers: [this.registry], collect() { this.set(cacheBytes()); } });
  }

  shed(reason: 'queue' | 'heap'): void { this.shedCounter.inc({ reason }); }
  rateLimited(n: number): void { this.limitedCounter.inc(n); }
  render(): Promise<string> { return this.registry.metrics(); }
  get contentType(): string { return this.registry.contentType; }
}
