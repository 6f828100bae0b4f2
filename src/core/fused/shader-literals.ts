// Numbers written into the shader sources (gmm-wgsl.ts, gmm-glsl.ts) from the constants of the JavaScript
// reference, so that a shader copy cannot drift from it by a retyped literal. WGSL and GLSL ES 3.0 spell
// these the same way: a float needs a decimal point or an exponent, an unsigned int a `u` suffix.

/** a float literal: 30 -> '30.0', 0.5 -> '0.5', 6.283185307179586 stays as it is */
export function shaderFloat(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`shaderFloat: ${x} has no literal`);
  const s = String(x);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/** an unsigned 32-bit literal: 747796405 -> '747796405u' */
export function shaderUint(x: number): string {
  if (!Number.isInteger(x) || x < 0 || x > 0xffffffff) throw new Error(`shaderUint: ${x} is not a uint32`);
  return `${x}u`;
}
