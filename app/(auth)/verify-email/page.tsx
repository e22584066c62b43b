import type { Metadata } from "next";
import { VerifyEmail } from "@/components/auth/verify-email";

export const metadata: Metadata = { title: "Verify your email address" };

interface VerifyEmailPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function VerifyEmailPage({ searchParams }: VerifyEmailPageProps) {
  const params = await searchParams;
  const uuid = typeof params.uuid === "string" ? params.uuid : "";
  const token = typeof params.token === "string" ? params.token : "";
  return <VerifyEmail uuid={uuid} token={token} />;
}
