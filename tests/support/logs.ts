import { resetEnv } from "@/lib/env";
import { setLogDestinationForTests } from "@/lib/log";

export interface CapturedLogs {
  /** Raw JSON lines, as an operator would read them. */
  readonly lines: string[];
  /** The lines parsed. */
  entries(): Record<string, unknown>[];
  text(): string;
  restore(): void;
}

/** Sends the app's log lines to memory until `restore()`; `level` sets LOG_LEVEL for that time. */
export function captureLogs(level?: string): CapturedLogs {
  const savedLevel = process.env.LOG_LEVEL;
  if (level !== undefined) {
    process.env.LOG_LEVEL = level;
    resetEnv();
  }
  const lines: string[] = [];
  setLogDestinationForTests({ write: (line: string) => void lines.push(line.trimEnd()) });
  return {
    lines,
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => lines.join("\n"),
    restore: () => {
      setLogDestinationForTests(null);
      if (level === undefined) return;
      if (savedLevel === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = savedLevel;
      resetEnv();
    },
  };
}
