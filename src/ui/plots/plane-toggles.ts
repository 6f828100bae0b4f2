// The view toggles a plane reads from its run's params (a lab without the param gets the default).
import type { ParamValue } from '../../labs/types';

export function planeToggles(params: Record<string, ParamValue>): { density: 'log' | 'density' | 'off'; field: boolean; paths: boolean; tween: number } {
  return {
    density: (params.density as 'log' | 'density' | 'off' | undefined) ?? 'log',
    field: Boolean(params.field ?? true),
    paths: Boolean(params.paths ?? true),
    tween: Number(params.tween ?? 0) || 0,
  };
}
