// Metrics take plain Float32Arrays (interleaved x,y) or tensors and return numbers; all seeded.
export interface MetricValues {
  sw2?: number;
  mmd?: number;
  modes_covered?: number;
  mean_log_density?: number;
  accept_rate?: number;
  [k: string]: number | undefined;
}
