import { afterEach, describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/client-address";
import { overrideEnvForTests } from "@/lib/env";
import { clientKey, hashed } from "@/lib/rate-limit";

let restore: (() => void) | undefined;
afterEach(() => restore?.());

const headers = (values: Record<string, string>) => new Headers(values);

describe("the client address", () => {
  it("is the peer the server entry recorded, whatever forwarding headers the client sent", () => {
    restore = overrideEnvForTests({ TRUST_PROXY: undefined });
    expect(clientAddress(headers({ "x-peer-address": "127.0.0.2", "x-forwarded-for": "203.0.113.9", "x-real-ip": "198.51.100.1" }))).toBe("127.0.0.2");
    expect(clientAddress(headers({ "x-peer-address": "::ffff:192.0.2.7" }))).toBe("192.0.2.7");
    expect(clientAddress(headers({ "x-peer-address": "2001:db8::1" }))).toBe("2001:db8::1");
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.9" }))).toBeNull();
    expect(clientAddress(headers({ "x-peer-address": "not-an-address" }))).toBeNull();
  });

  it("is the last X-Forwarded-For entry behind a trusted proxy", () => {
    restore = overrideEnvForTests({ TRUST_PROXY: "true" });
    expect(clientAddress(headers({ "x-peer-address": "10.0.0.1", "x-forwarded-for": "203.0.113.9, 192.0.2.7" }))).toBe("192.0.2.7");
    expect(clientAddress(headers({ "x-peer-address": "10.0.0.1", "x-forwarded-for": "spoofed, junk" }))).toBeNull();
    expect(clientAddress(headers({ "x-peer-address": "10.0.0.1" }))).toBeNull();
  });

  it("counts an IPv6 client by its /64, an IPv4 client by its address, an unknown one in a shared bucket", () => {
    restore = overrideEnvForTests({ TRUST_PROXY: undefined });
    const key = (address: string) => clientKey(headers({ "x-peer-address": address }));
    expect(key("2001:db8:1:2::1")).toBe(key("2001:0db8:0001:0002:ffff:1:2:3"));
    expect(key("2001:db8:1:2::1")).toBe(hashed("2001:db8:1:2::/64"));
    expect(key("2001:db8::5")).toBe(hashed("2001:db8:0:0::/64"));
    expect(key("::1")).toBe(hashed("0:0:0:0::/64"));
    expect(key("2001:db8:1:2::1")).not.toBe(key("2001:db8:1:3::1"));
    expect(key("192.0.2.1")).not.toBe(key("192.0.2.2"));
    expect(clientKey(new Headers())).toBe("unknown");
  });
});
