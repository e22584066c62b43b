// Child processes the bench owns: each in its own process group so stopping it also stops the
// workers `next` forks, and every wait bounded so a run always ends by itself.
import { spawn } from "node:child_process";
import { createServer } from "node:net";

const running = new Set();

export function log(message) {
  process.stderr.write(`bench: ${message}\n`);
}

/** Runs a command to completion; its output is shown only when it fails. */
export function runStep(label, command, args, { cwd, env, timeoutMs }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    running.add(child);
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      killGroup(child, "SIGKILL");
      reject(new Error(`${label} took longer than ${timeoutMs / 1000} s\n${output.slice(-4000)}`));
    }, timeoutMs);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      if (code === 0) resolve(output);
      else reject(new Error(`${label} failed (${signal ?? `exit ${code}`})\n${output.slice(-4000)}`));
    });
  });
}

/** Starts a long-running server; resolves once `readyUrl` answers 200. */
export async function startServer(label, command, args, { cwd, env, readyUrl, timeoutMs }) {
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  let exited = null;
  child.on("exit", (code, signal) => {
    exited = signal ?? `exit ${code}`;
    running.delete(child);
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${label} stopped during start-up (${exited})\n${output.slice(-4000)}`);
    try {
      const response = await fetch(readyUrl, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return { child, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stopProcess(child);
  throw new Error(`${label} did not answer ${readyUrl} within ${timeoutMs / 1000} s\n${output.slice(-4000)}`);
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  killGroup(child, "SIGTERM");
  const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

export async function stopAll() {
  await Promise.all([...running].map(stopProcess));
}

/** Synchronous last resort for `process.on("exit")`, where nothing can be awaited. */
export function killAllNow() {
  for (const child of running) killGroup(child, "SIGKILL");
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The clean-up steps a run registers (servers are stopped first), run once: at the end, or on
 * Ctrl-C / SIGTERM, which then exit 130. `cleanups` takes steps as the run starts things.
 */
export function cleanUpOnExit() {
  const cleanups = [];
  let cleaning = null;
  const cleanUp = () => {
    cleaning ??= (async () => {
      await stopAll();
      for (const cleanup of cleanups.reverse()) {
        try {
          await cleanup();
        } catch (error) {
          log(`clean-up step failed: ${error.message}`);
        }
      }
    })();
    return cleaning;
  };
  process.on("exit", killAllNow);
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      log(`${signal}: stopping`);
      cleanUp().finally(() => process.exit(130));
    });
  }
  return { cleanups, cleanUp };
}
