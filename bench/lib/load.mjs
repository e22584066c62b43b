// One autocannon run per measurement. Latency percentiles come from each response's own timing:
// autocannon's histogram keeps whole milliseconds, too coarse for a 2-4 ms bare p99.
import autocannon from "autocannon";

function percentile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/**
 * `requestsFor(connectionIndex)` gives each connection its own request list (e.g. its own user's
 * cookie); autocannon cycles through a connection's list.
 */
export function load({ url, connections, seconds, requestsFor }) {
  return new Promise((resolve, reject) => {
    let nextConnection = 0;
    const latencies = [];
    const statuses = {};
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout: 10,
        setupClient: (client) => client.setRequests(requestsFor(nextConnection++)),
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        const ok = Object.entries(statuses).reduce((sum, [status, count]) => sum + (status.startsWith("2") ? count : 0), 0);
        const total = Object.values(statuses).reduce((sum, count) => sum + count, 0);
        resolve({
          connections,
          seconds: result.duration,
          requests: total,
          throughput: ok / result.duration,
          p50: percentile(latencies, 0.5),
          p99: percentile(latencies, 0.99),
          failed: total - ok + result.errors,
          statuses,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  });
}

export function describeFailures(run) {
  const codes = Object.entries(run.statuses)
    .filter(([status]) => !status.startsWith("2"))
    .map(([status, count]) => `${count}× ${status}`);
  if (run.errors) codes.push(`${run.errors} connection errors`);
  if (run.timeouts) codes.push(`(${run.timeouts} of them timeouts)`);
  return codes.join(", ");
}

/** Fails the run unless `url` answers 200. */
export async function answers200(url) {
  let status;
  try {
    const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
    await response.arrayBuffer();
    status = response.status;
  } catch (error) {
    throw new Error(`GET ${url}: ${error.cause?.code ?? error.cause?.message ?? error.message}`);
  }
  if (status !== 200) throw new Error(`GET ${url} answered ${status}, not 200`);
}

/** One load run that must answer only 2xx: a benchmark of 401s or refused connections measures nothing. */
export async function measure(label, workload, connections, duration) {
  const run = await load({ ...workload, connections, seconds: duration });
  if (run.failed > 0) throw new Error(`${label}: ${run.requests} responses, not all 2xx or with errors (${describeFailures(run)})`);
  if (run.requests === 0) throw new Error(`${label}: no response within ${duration} s`);
  return run;
}
