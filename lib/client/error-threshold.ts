import { ERROR_THRESHOLD_RANGE } from "@/lib/users/limits";

/** The stored fraction as the percentage people type (0.01 → "1"), without float noise. */
export function thresholdAsPercent(fraction: number): string {
  return String(Number((fraction * 100).toFixed(4)));
}

/** A typed percentage ("2.5", "2,5 %") as the fraction the API stores, or what is wrong with it. */
export function parseThresholdPercent(text: string): { fraction: number } | { error: string } {
  const trimmed = text.trim().replace(/\s*%$/, "").replace(",", ".");
  if (trimmed === "") return { error: "Enter a percentage from 0 to 100." };
  const percent = Number(trimmed);
  if (!Number.isFinite(percent)) return { error: "Enter a number, such as 1 or 2.5." };
  const fraction = Number((percent / 100).toFixed(6));
  if (!(fraction >= ERROR_THRESHOLD_RANGE.min && fraction <= ERROR_THRESHOLD_RANGE.max)) return { error: "Enter a percentage from 0 to 100." };
  return { fraction };
}
