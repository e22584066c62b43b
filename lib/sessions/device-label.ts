import { UAParser } from "ua-parser-js";

const MAX_LABEL = 200;

/**
 * "Chrome on macOS", "Safari on iPhone", "curl": what a person recognises in the devices list.
 * Parsed once, at sign-in; the raw user agent is kept beside it.
 */
export function deviceLabel(userAgent: string): string {
  const { browser, os, device } = new UAParser(userAgent).getResult();
  const where = device.model && device.type ? device.model : os.name;
  if (browser.name && where) return clip(`${browser.name} on ${where}`);
  if (browser.name) return clip(browser.name);
  if (where) return clip(`Browser on ${where}`);
  // Command-line clients ("curl/8.5.0", "python-requests/2.31"): their product token says enough.
  const product = /^([A-Za-z][\w.-]{0,40})\//.exec(userAgent.trim())?.[1];
  return product ?? "Unknown device";
}

function clip(label: string): string {
  return label.length > MAX_LABEL ? label.slice(0, MAX_LABEL) : label;
}
