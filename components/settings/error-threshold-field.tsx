"use client";

import { useEffect, useState, type KeyboardEvent } from "react";
import { Icon } from "@/components/ui/icon";
import { SaveStatus } from "@/components/ui/save-status";
import { useInstantSave } from "@/lib/client/use-instant-save";
import { parseThresholdPercent, thresholdAsPercent } from "@/lib/client/error-threshold";
import type { UserDto } from "@/lib/users/user-schema";

const ID = "pref-error-threshold";

/**
 * Saved when the person leaves the field or presses Enter (not on every keystroke); a value the
 * API would refuse is never sent and is explained under the field.
 */
export function ErrorThresholdField({ user }: { user: UserDto }) {
  const threshold = useInstantSave(user.notification_settings.data_pipeline_error_threshold, (value) => ({
    notification_settings: { data_pipeline_error_threshold: value },
  }));
  const [text, setText] = useState(() => thresholdAsPercent(threshold.value));
  const [error, setError] = useState<string | null>(null);

  // A failed save puts the saved value back in the field; so does a newer value from the server.
  useEffect(() => setText(thresholdAsPercent(threshold.value)), [threshold.value]);

  function commit() {
    const parsed = parseThresholdPercent(text);
    if ("error" in parsed) return setError(parsed.error);
    setError(null);
    if (parsed.fraction !== threshold.value) threshold.save(parsed.fraction);
    else setText(thresholdAsPercent(parsed.fraction));
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
