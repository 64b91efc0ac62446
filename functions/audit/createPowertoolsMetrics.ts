import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { AuditMetrics } from './types.js';

/**
 * Adapts Powertools Metrics (EMF on stdout, https://docs.aws.amazon.com/powertools/typescript/latest/features/metrics/)
 * to AuditMetrics; a metric with a dimension (Findings by Severity) is emitted as its own single metric so the
 * dimension does not spread to the others.
 */
export function createPowertoolsMetrics(metrics: Metrics): AuditMetrics {
  return {
    add(name, value, dimension) {
      const unit = name === 'AuditDurationMs' ? MetricUnit.Milliseconds : MetricUnit.Count;
      if (dimension === undefined) {
        metrics.addMetric(name, unit, value);
        return;
      }
      const single = metrics.singleMetric();
      single.addDimension(dimension.name, dimension.value);
      single.addMetric(name, unit, value);
    },
    flush() {
      metrics.publishStoredMetrics();
    },
  };
}
