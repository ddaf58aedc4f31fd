/**
 * How many samples estimate a percentile: at least two beyond it, n ≥ 2 / (1 − q), so the
 * estimate is interpolated between order statistics (Hyndman & Fan type 7) rather than being
 * the sample's maximum — 200 for the 99th percentile, 40 for the 95th.
 * @throws RangeError for q ≥ 100 (the maximum), which no sample size estimates.
 */
export function minSamplesForPercentile(q: number): number {
  const tail = 1 - q / 100;
  if (!(tail > 0)) throw new RangeError('the 100th percentile is the maximum: no sample size estimates it');
  // Rounded to 1e-9 first: 2 / (1 − 0.99) is 199.999… in floating point.
  return Math.ceil(Math.round((2 / tail) * 1e9) / 1e9);
}
