// Types of preset-checks.mjs for the test that keeps it complete (src/labs/preset-checks.test.ts).
export interface PresetCheckRun {
  url: string;
  steps?: number;
  every?: number;
  args?: string[];
  /** the claim is that this run diverges (the CLI exits 3) */
  expect?: 'diverged';
  /** judge this run on another preset's run that trains the same thing (side B: its comparison generator) */
  sameAs?: { url: string; side: 'A' | 'B' };
}
export interface PresetCheck {
  id: string;
  claim: string;
  runs: PresetCheckRun[];
  judge(finals: unknown[]): [boolean, string];
}
export const PRESET_CHECKS: PresetCheck[];
