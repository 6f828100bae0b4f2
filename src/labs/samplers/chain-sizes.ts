// How many chains the MCMC diagnostics follow and over how long (no tfjs: the schema's titles read them).
/** chains followed (split-R̂ wants several; the trace chart draws the first TRACED) */
export const CHAINS = 8;
export const TRACED = 4;
/** iterations of history the diagnostics use: long enough for ESS at τ in the hundreds, short enough to stay live */
export const WINDOW = 2000;
