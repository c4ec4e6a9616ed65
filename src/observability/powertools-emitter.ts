import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MetricsEmitter } from './decision-metrics.js';

/**
 * Emits decision counts as CloudWatch embedded metric format through
 * Powertools Metrics: one EMF document per route and severity holding that
 * group's outcome counts, dimensioned by `service`, `route` and `severity`
 * (event-level outcomes by `service` only). Each group's dimensions go on
 * the function's one Metrics instance and `publishStoredMetrics()` writes
 * the document and clears them, as Powertools intends for request-specific
 * dimensions: no Metrics (and Console) per metric, as `singleMetric()` makes.
 */
export const powertoolsEmitter = (metrics: Metrics): MetricsEmitter => ({
  emit: (dimensions, counts) => {
    if (counts.size === 0) return;
    if (dimensions.route) metrics.addDimension('route', dimensions.route);
    if (dimensions.severity)
      metrics.addDimension('severity', dimensions.severity);
    for (const [outcome, count] of counts)
      metrics.addMetric(outcome, MetricUnit.Count, count);
    metrics.publishStoredMetrics();
  },
});
