"use client";

import { useState } from "react";
import { useAnnounce } from "@/components/ui/announcer";
import { FormAlert } from "@/components/ui/form-alert";
import { LoadState } from "@/components/ui/load-state";
import { LocalDate } from "@/components/ui/local-date";
import { useMyPushDevices, useRemovePushDevice } from "@/lib/client/use-push-devices";
import type { PushDeviceDto } from "@/lib/push-tokens/schemas";
import { SettingsCard } from "./settings-card";

const DATE_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };
const PLATFORM_NAMES: Record<PushDeviceDto["platform"], string> = { ios: "iPhone or iPad", android: "Android", web: "Web browser" };

function deviceName(device: PushDeviceDto): string {
  return `${PLATFORM_NAMES[device.platform]} ${device.token_hint}`;
}

/** The devices that get this account's push notifications; removing one stops them there. */
export function MobileDevicesCard() {
  const devices = useMyPushDevices();
  const remove = useRemovePushDevice();
  const announce = useAnnounce();
  const [failure, setFailure] = useState<string | null>(null);
  const page = devices.data;

  function removeDevice(device: PushDeviceDto) {
    setFailure(null);
    remove.mutate(device.id, {
      onSuccess: () => announce(`Removed ${deviceName(device)}`),
      onError: (error) => setFailure(error.isRetryable ? "Couldn't remove the device — try again." : error.body.detail),
    });
  }

  return (
    <SettingsCard id="mobile-devices" title="Mobile devices" description="Devices that receive push notifications for this account." busy={devices.isPending}>
      {failure ? <FormAlert>{failure}</FormAlert> : null}
      {!page ? (
        <LoadState pending={devices.isPending} what="your mobile devices" onRetry={() => void devices.refetch()} />
      ) : page.results.length === 0 ? (
        <p className="muted">No device gets push notifications. Signing in to the mobile app on a phone adds it here.</p>
      ) : (
        <ul className="device-list" aria-label="Mobile devices">
          {page.results.map((device) => (
            <li key={device.id} className="device">
              <div className="device__main">
                <p className="device__name">{deviceName(device)}</p>
                <p className="device__meta" id={`push-device-${device.id}`}>
                  Registered <LocalDate value={device.created_at} options={DATE_FORMAT} /> · last seen <LocalDate value={device.last_seen_at} options={DATE_FORMAT} />
                </p>
              </div>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={remove.isPending}
                aria-label={`Remove ${deviceName(device)}`}
                aria-describedby={`push-device-${device.id}`}
                onClick={() => removeDevice(device)}
              >
                {remove.isPending && remove.variables === device.id ? "Removing…" : "Remove"}
              </button>
            </li>
          ))}
        </ul>
      )}
    </SettingsCard>
  );
}
