import { redirect } from "next/navigation";
import { getPagePrincipal } from "@/lib/auth/page-session";

export default async function HomePage() {
  const principal = await getPagePrincipal();
  redirect(principal ? "/settings/profile" : "/signin");
}
