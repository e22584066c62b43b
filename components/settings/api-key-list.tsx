"use client";

import { LocalDate } from "@/components/ui/local-date";
import { scopeSummary, type PersonalApiKey } from "@/lib/client/use-api-keys";

const DATE_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: "medium" };
const DATE_TIME_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };

interface ApiKeyListProps {
  keys: readonly PersonalApiKey[];
  disabled: boolean;
  onRevoke: (key: PersonalApiKey) => void;
  /** Roll is offered on the API keys page, not on the credential review. */
  onRoll?: (key: PersonalApiKey) => void;
}

/** One row per key: label, masked value, scopes, created, last used; Roll and Revoke per row. */
export function ApiKeyList({ keys, disabled, onRevoke, onRoll }: ApiKeyListProps) {
  return (
    <ul className="device-list" aria-label="Personal API keys">
      {keys.map((key) => {
        const metaId = `api-key-${key.id}`;
        return (
          <li className="device" key={key.id}>
            <div className="device__main">
              <p className="device__name">
                {key.label}
                <span className="badge">{scopeSummary(key.scopes)}</span>
              </p>
              <p className="device__meta" id={metaId}>
                <code>{key.mask_value}</code> · created <LocalDate value={key.created_at} options={DATE_FORMAT} /> ·{" "}
                {key.last_used_at ? (
                  <>
                    last used <LocalDate value={key.last_used_at} options={DATE_TIME_FORMAT} />
                  </>
                ) : (
                  "never used"
                )}
              </p>
            </div>
            <div className="form__actions">
              {onRoll ? (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => onRoll(key)}
                  disabled={disabled}
                  aria-label={`Roll ${key.label}`}
                  aria-describedby={metaId}
                >
                  Roll
                </button>
              ) : null}
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onRevoke(key)}
                disabled={disabled}
                aria-label={`Revoke ${key.label}`}
                aria-describedby={metaId}
              >
                Revoke
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
