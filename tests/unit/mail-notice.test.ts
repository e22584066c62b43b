import { describe, expect, it } from "vitest";
import { renderNotice } from "@/lib/mail/notice";

describe("notice mail", () => {
  const notice = {
    to: "ada@example.com",
    firstName: "Ada <script>",
    subject: "Your password was changed",
    paragraphs: ["The password of your account was changed.", "Every other device was signed out."],
    action: { label: "Review your devices", url: "http://localhost:3000/settings/security?x=1&y=2" },
    origin: { when: new Date("2026-12-01T10:00:00Z"), device: "Firefox on Windows", ip: "192.0.2.7" },
    ifNotYou: "If this wasn't you, reset your password now.",
  };

  it("has a plain-text part that says what happened, when, from where, and what to do", () => {
    const { subject, text } = renderNotice(notice);
    expect(subject).toMatch(/: Your password was changed$/);
    expect(text).toContain("Hi Ada <script>,");
    expect(text).toContain("The password of your account was changed.");
    expect(text).toContain("Review your devices: http://localhost:3000/settings/security?x=1&y=2");
    expect(text).toContain("When: Tue, 01 Dec 2026 10:00:00 GMT");
    expect(text).toContain("Device: Firefox on Windows");
    expect(text).toContain("Address: 192.0.2.7");
    expect(text).toContain("If this wasn't you, reset your password now.");
  });

  it("has an HTML part with the same content, escaped", () => {
    const { html } = renderNotice(notice);
    expect(html).toContain("Hi Ada &lt;script&gt;,");
    expect(html).not.toContain("<script>");
    expect(html).toContain('href="http://localhost:3000/settings/security?x=1&amp;y=2"');
    expect(html).toContain("Firefox on Windows");
  });

  it("leaves out what it was not given", () => {
    const { text } = renderNotice({ to: "a@b.c", subject: "Hello", paragraphs: ["Just this."] });
    expect(text).toMatch(/^Hi,\n\nJust this\.\n\n— /);
  });
});
