// Shared fixtures for the mismatch tests: the default prior and a few measurements.
import { makeCondSetup, type CondSetup, type Gauss } from './affine-rules';
import { makeMeasurement, measurementOperator, type OperatorKind } from './measurement';

export const DEFAULT_PRIOR: Gauss = { mean: [0, 0], cov: [1, 0.6, 0.6, 1] };

export function setup(opts: { kind?: OperatorKind; phi?: number; y?: number[]; sigmaY?: number; assumed?: number; zeta?: number; eta?: number; prior?: Gauss } = {}): CondSetup {
  const A = measurementOperator(opts.kind ?? 'row', opts.phi ?? 0);
  const y = opts.y ?? (A.length === 1 ? [1] : [1, -0.5]);
  const sigmaY = opts.sigmaY ?? 0.3;
  return makeCondSetup(opts.prior ?? DEFAULT_PRIOR, makeMeasurement(A, y, sigmaY), opts.assumed ?? sigmaY, opts.zeta ?? 0.5, opts.eta);
}
