// `npm run activity:prune`: removes account activity older than ACTIVITY_RETENTION_DAYS (180 by
// default). Run it daily from cron or a scheduled job; it is safe to run at any time.
import { closeDb } from "@/lib/db/client";
import { pruneActivity } from "@/lib/activity/service";

try {
  const { removed, before } = await pruneActivity();
  console.log(`activity: removed ${removed} entr${removed === 1 ? "y" : "ies"} from before ${before.toISOString()}`);
} finally {
  await closeDb();
}
