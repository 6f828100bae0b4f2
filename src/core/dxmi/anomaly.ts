// Anomaly detection with the energy (METHODS.md §5.6): held-out data are the negatives (normal), uniform
// points in the box the positives (anomalies); the score is E(x) (high energy = anomalous).
// AUROC = P(score(anomaly) > score(normal)) + ½ P(tie), the Mann–Whitney statistic, computed exactly
// by sorting with average ranks for ties.

/** AUROC of scores of anomalies vs normals (1 = every anomaly scores above every normal) */
export function auroc(anomaly: ArrayLike<number>, normal: ArrayLike<number>): number {
  const n1 = anomaly.length;
  const n0 = normal.length;
  if (n1 === 0 || n0 === 0) throw new Error('auroc: need at least one anomaly and one normal score');
  const all: { v: number; pos: boolean }[] = [];
  for (let i = 0; i < n1; i++) all.push({ v: anomaly[i], pos: true });
  for (let i = 0; i < n0; i++) all.push({ v: normal[i], pos: false });
  if (all.some((a) => Number.isNaN(a.v))) throw new Error('auroc: a score is NaN');
  all.sort((a, b) => a.v - b.v);
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j + 1 < all.length && all[j + 1].v === all[i].v) j++;
    const avg = (i + j) / 2 + 1; // average 1-based rank of the tie block
    for (let k = i; k <= j; k++) if (all[k].pos) rankSum += avg;
    i = j + 1;
  }
  return (rankSum - (n1 * (n1 + 1)) / 2) / (n1 * n0);
}

/** ROC curve (false-positive rate, true-positive rate) at every distinct threshold, from (0,0) to (1,1) */
export function rocCurve(anomaly: ArrayLike<number>, normal: ArrayLike<number>, maxPoints = 101): { fpr: Float32Array; tpr: Float32Array } {
  const pos = Float64Array.from(anomaly).sort().reverse();
  const neg = Float64Array.from(normal).sort().reverse();
  const fpr = [0];
  const tpr = [0];
  let i = 0;
  let j = 0;
  // sweep the threshold down through every score
  while (i < pos.length || j < neg.length) {
    const th = Math.max(i < pos.length ? pos[i] : -Infinity, j < neg.length ? neg[j] : -Infinity);
    while (i < pos.length && pos[i] >= th) i++;
    while (j < neg.length && neg[j] >= th) j++;
    fpr.push(j / neg.length);
    tpr.push(i / pos.length);
  }
  // thin to at most maxPoints, keeping both ends (a plot needs no more)
  const keep = Math.min(maxPoints, fpr.length);
  const outF = new Float32Array(keep);
  const outT = new Float32Array(keep);
  for (let k = 0; k < keep; k++) {
    const s = Math.round((k * (fpr.length - 1)) / Math.max(1, keep - 1));
    outF[k] = fpr[s];
    outT[k] = tpr[s];
  }
  return { fpr: outF, tpr: outT };
}
