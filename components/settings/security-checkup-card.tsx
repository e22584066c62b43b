"use client";

import { LoadState } from "@/components/ui/load-state";
import { useSecurityCheckup } from "@/lib/client/use-security-checkup";
import type { SecurityCheckupDto } from "@/lib/users/security-checkup-schema";
import { SettingsCard } from "./settings-card";

const GRADE: Record<SecurityCheckupDto["grade"], { label: string; badge: string }> = {
  strong: { label: "Strong", badge: "badge--success" },
  fair: { label: "Fair", badge: "badge--warning" },
  weak: { label: "Needs attention", badge: "badge--danger" },
};
const STATUS_BADGE = { ok: "badge--success", warning: "badge--warning", problem: "badge--danger" } as const;
const STATUS_LABEL = { ok: "Done", warning: "Check", problem: "Fix" } as const;

/** What protects this account and what to fix first, each linked to where it is fixed. */
export function SecurityCheckupCard() {
  const checkup = useSecurityCheckup();
  const data = checkup.data;
  // Problems first, then warnings: the list reads as a to-do.
  const items = data ? [...data.items].sort((a, b) => rank(a.status) - rank(b.status)) : [];
  return (
    <SettingsCard
      id="security-checkup"
      title="Security check-up"
      description={data ? `${data.passed} of ${data.total} in order.` : undefined}
      busy={checkup.isPending}
    >
      {!data ? (
        <LoadState pending={checkup.isPending} what="your security check-up" onRetry={() => void checkup.refetch()} />
      ) : (
        <>
          <p>
            Account security: <span className={`badge ${GRADE[data.grade].badge}`}>{GRADE[data.grade].label}</span>
          </p>
          <ul className="device-list" aria-label="Security check-up">
            {items.map((item) => (
              <li key={item.id} className="device" data-status={item.status}>
                <div className="device__main">
                  <p className="device__name">
                    <span className={`badge ${STATUS_BADGE[item.status]}`}>{STATUS_LABEL[item.status]}</span> {item.title}
                  </p>
                  <p className="device__meta">{item.detail}</p>
                </div>
                {item.fix_url ? (
                  <a className="button button--secondary button--small" href={item.fix_url} aria-label={`Fix: ${item.title}`}>
                    Fix
                  </a>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </SettingsCard>
  );
}

function rank(status: "ok" | "warning" | "problem"): number {
  return status === "problem" ? 0 : status === "warning" ? 1 : 2;
}
