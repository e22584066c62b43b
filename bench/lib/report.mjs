// Medians over rounds, ratios against the bare handler, and the table the README quotes.
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Ratios are taken per round (bare and app measured back to back), then summarised. */
export function summarise(measurement, rounds) {
  const bare = rounds.map((round) => round.bare[measurement.metric]);
  const app = rounds.map((round) => round.app[measurement.metric]);
  const ratios = rounds.map((_, index) => app[index] / bare[index]);
  const ratio = median(ratios);
  const pass = measurement.higherIsBetter ? ratio >= measurement.target : ratio <= measurement.target;
  return {
    name: measurement.name,
    metric: measurement.metric,
    unit: measurement.unit,
    bare: { median: median(bare), rounds: bare },
    app: { median: median(app), rounds: app },
    ratio: { median: ratio, min: Math.min(...ratios), max: Math.max(...ratios), rounds: ratios },
    target: `${measurement.higherIsBetter ? "≥" : "≤"} ${measurement.target}×`,
    pass,
  };
}

function formatValue(value, unit) {
  return unit === "ms" ? `${value.toFixed(1)} ms` : `${Math.round(value)} req/s`;
}

export function table(summaries) {
  const nameWidth = Math.max(...summaries.map((summary) => summary.name.length)) + 2;
  return summaries
    .map((summary) =>
      [
        summary.name.padEnd(nameWidth),
        `bare ${formatValue(summary.bare.median, summary.unit)}`.padEnd(18),
        `app ${formatValue(summary.app.median, summary.unit)}`.padEnd(17),
        `${summary.ratio.median.toFixed(2)}×`.padEnd(7),
        `(target ${summary.target})`.padEnd(17),
        (summary.pass ? "ok" : "MISS").padEnd(6),
        `rounds ${summary.ratio.min.toFixed(2)}–${summary.ratio.max.toFixed(2)}×`,
      ].join(""),
    )
    .join("\n");
}
