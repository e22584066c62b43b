import { describe, expect, it } from "vitest";
import { parseThresholdPercent, thresholdAsPercent } from "@/lib/client/error-threshold";
import { themeAttributes } from "@/lib/theme/theme-mode";

describe("the error threshold as a percentage", () => {
  it.each([
    [0.01, "1"],
    [0.025, "2.5"],
    [0.07, "7"],
    [0, "0"],
    [1, "100"],
    [0.123456, "12.3456"],
  ])("shows %j as %j", (fraction, text) => {
    expect(thresholdAsPercent(fraction)).toBe(text);
  });

  it.each([
    ["1", 0.01],
    ["2.5", 0.025],
    [" 2,5 % ", 0.025],
    ["7", 0.07],
    ["0", 0],
    ["100", 1],
  ])("reads %j as %j", (text, fraction) => {
    expect(parseThresholdPercent(text)).toEqual({ fraction });
  });

  it.each([
    ["", "Enter a percentage from 0 to 100."],
    ["100.1", "Enter a percentage from 0 to 100."],
    ["-0.5", "Enter a percentage from 0 to 100."],
    ["lots", "Enter a number, such as 1 or 2.5."],
    ["Infinity", "Enter a number, such as 1 or 2.5."],
  ])("refuses %j", (text, error) => {
    expect(parseThresholdPercent(text)).toEqual({ error });
  });
});

describe("the <html> attributes for a theme", () => {
  it.each([
    ["light", { dataTheme: "light", colorScheme: "light" }],
    ["dark", { dataTheme: "dark", colorScheme: "dark" }],
    ["system", { dataTheme: "system", colorScheme: "light dark" }],
    [null, { dataTheme: "system", colorScheme: "light dark" }],
  ] as const)("%j → %j (the OS decides unless light or dark was chosen)", (mode, attributes) => {
    expect(themeAttributes(mode)).toEqual(attributes);
  });
});
