import { describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { captureLogs } from "../support/logs";

describe("next-auth's own log lines", () => {
  it("go through our logger as one line with the code and message, never a stack", () => {
    const logs = captureLogs("debug");
    try {
      const logger = authOptions().logger!;
      logger.error!("SIGNIN_EMAIL_ERROR" as never, new TypeError("Invalid URL: http://[") as never);
      logger.error!("CALLBACK_CREDENTIALS_HANDLER_ERROR" as never, { error: new Error("nested failure"), providerId: "credentials" } as never);
      logger.warn!("DEBUG_ENABLED" as never);
      logger.debug!("adapter_debug" as never, { secret: "x" } as never);
      expect(logs.entries().map(({ level, event, nextAuthCode, message }) => ({ level, event, nextAuthCode, message }))).toEqual([
        { level: "warn", event: "auth.nextauth_error", nextAuthCode: "SIGNIN_EMAIL_ERROR", message: "Invalid URL: http://[" },
        { level: "warn", event: "auth.nextauth_error", nextAuthCode: "CALLBACK_CREDENTIALS_HANDLER_ERROR", message: "nested failure" },
        { level: "warn", event: "auth.nextauth_warning", nextAuthCode: "DEBUG_ENABLED", message: undefined },
      ]);
      expect(logs.text()).not.toMatch(/\bat .*\(/);
    } finally {
      logs.restore();
    }
  });
});
