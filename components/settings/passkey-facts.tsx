import { LocalDate } from "@/components/ui/local-date";
import type { PasskeyDto } from "@/lib/passkeys/schemas";

const DATE_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };

/** A passkey's name, and when it was added and last used; `factsId` names the line for its row's buttons. */
export function PasskeyFacts({ passkey, factsId }: { passkey: PasskeyDto; factsId: string }) {
  return (
    <div className="device__main">
      <p className="device__name">{passkey.name}</p>
      <p className="device__meta" id={factsId}>
        Added <LocalDate value={passkey.created_at} options={DATE_FORMAT} /> ·{" "}
        {passkey.last_used_at ? (
          <>
            last used <LocalDate value={passkey.last_used_at} options={DATE_FORMAT} />
          </>
        ) : (
          "never used"
        )}
      </p>
    </div>
  );
}
