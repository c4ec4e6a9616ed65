import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MetricsEmitter } from './decision-metrics.js';

/**
 * Emits decision counts as CloudWatch embedded metric format through
 * Powertools Metrics: one EMF document per outcome, route and severity, dimensioned
 * by `service`, `route` and `severity` (event-level outcomes by `service`).
 */
export const powertoolsEmitter = (metrics: Metrics): MetricsEmitter => ({
  emit: (dimensions, counts) => {
    for (const [outcome, count] of counts) {
      // A single metric publishes on addMetric and then forgets its
      // dimensions: one instance per metric keeps each line dimensioned.
      const target = metrics.singleMetric();
      if (dimensions.route) target.addDimension('route', dimensions.route);
      if (dimensions.severity)
        target.addDimension('severity', dimensions.severity);
      target.addMetric(outcome, MetricUnit.Count, count);
    }
  },
});
