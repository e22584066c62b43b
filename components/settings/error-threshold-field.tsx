"use client";

import { useEffect, useState, type KeyboardEvent } from "react";
import { Icon } from "@/components/ui/icon";
import { SaveStatus } from "@/components/ui/save-status";
import { useInstantSave } from "@/lib/client/use-instant-save";
import { notificationSettingsPatchSchema } from "@/lib/users/notification-settings";
import type { UserDto } from "@/lib/users/user-schema";

const ID = "pref-error-threshold";
const thresholdRule = notificationSettingsPatchSchema.shape.data_pipeline_error_threshold.unwrap();

/** The stored fraction as the percentage people type (0.01 → "1"), without float noise. */
function asPercent(fraction: number): string {
  return String(Number((fraction * 100).toFixed(4)));
}

/** A typed percentage as the fraction the API stores, or what is wrong with it. */
export function parsePercent(text: string): { fraction: number } | { error: string } {
  const trimmed = text.trim().replace(/\s*%$/, "").replace(",", ".");
  if (trimmed === "") return { error: "Enter a percentage from 0 to 100." };
  const percent = Number(trimmed);
  if (!Number.isFinite(percent)) return { error: "Enter a number, such as 1 or 2.5." };
  const fraction = Number((percent / 100).toFixed(6));
  if (!thresholdRule.safeParse(fraction).success) return { error: "Enter a percentage from 0 to 100." };
  return { fraction };
}

/**
 * Saved when the person leaves the field or presses Enter (not on every keystroke); a value the
 * API would refuse is never sent and is explained under the field.
 */
export function ErrorThresholdField({ user }: { user: UserDto }) {
  const threshold = useInstantSave(user.notification_settings.data_pipeline_error_threshold, (value) => ({
    notification_settings: { data_pipeline_error_threshold: value },
  }));
  const [text, setText] = useState(() => asPercent(threshold.value));
  const [error, setError] = useState<string | null>(null);

  // A failed save puts the saved value back in the field; so does a newer value from the server.
  useEffect(() => setText(asPercent(threshold.value)), [threshold.value]);

  function commit() {
    const parsed = parsePercent(text);
    if ("error" in parsed) return setError(parsed.error);
    setError(null);
    if (parsed.fraction !== threshold.value) threshold.save(parsed.fraction);
    else setText(asPercent(parsed.fraction));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      event.preventDefault();
      commit();
    }
  }

  return (
    <div className="setting-row" data-invalid={error ? "true" : undefined}>
      <div className="setting-row__text">
        <label className="setting-row__label" htmlFor={ID}>
          Data pipeline error alert threshold
        </label>
        <p className="setting-row__description" id={`${ID}-description`}>
          Email me when more than this percentage of a destination&apos;s events fail (0–100). Saved when you leave the field.
        </p>
        {error ? (
          <p className="field__error" id={`${ID}-error`}>
            <Icon name="alert" />
            <span>{error}</span>
          </p>
        ) : null}
      </div>
      <div className="setting-row__control">
        <SaveStatus id={`${ID}-status`} state={threshold.state} onRetry={threshold.retry} />
        <span className="percent-input">
          <input
            id={ID}
            className="input"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={[error ? `${ID}-error` : null, `${ID}-description`, `${ID}-status`].filter(Boolean).join(" ")}
            onChange={(event) => setText(event.target.value)}
            onBlur={commit}
            onKeyDown={onKeyDown}
          />
          <span aria-hidden="true">%</span>
        </span>
      </div>
    </div>
  );
}
