// `npm run activity:prune`: removes account activity older than ACTIVITY_RETENTION_DAYS (180 by
// default). Run it daily from cron or a scheduled job; it is safe to run at any time.
import { closeDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { pruneActivity } from "@/lib/activity/service";

try {
  const { removed, before } = await pruneActivity();
  console.log(`activity: removed ${removed} entr${removed === 1 ? "y" : "ies"} from before ${before.toISOString()}`);
} catch (error) {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2021")) throw error;
  console.error("activity: this database has no activity table yet; run `npm run db:migrate` first");
  process.exitCode = 1;
} finally {
  await closeDb();
}
