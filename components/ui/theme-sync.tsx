"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { queryKeys } from "@/lib/client/query-keys";
import { applyTheme } from "@/lib/theme/apply-theme";
import { onThemeSavedElsewhere } from "@/lib/theme/theme-channel";

/** A theme saved in one tab repaints every other open tab, whatever page it shows. */
export function ThemeSync() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onThemeSavedElsewhere((mode) => {
        applyTheme(mode);
        void queryClient.invalidateQueries({ queryKey: queryKeys.users.me() });
      }),
    [queryClient],
  );
  return null;
}
