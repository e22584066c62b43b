-- CreateTable
CREATE TABLE "audit_log" (
    "id" SERIAL NOT NULL,
    "action" VARCHAR(64) NOT NULL,
    "actorUuid" UUID NOT NULL,
    "actorEmail" VARCHAR(254) NOT NULL,
    "targetUuid" UUID,
    "targetEmail" VARCHAR(254),
    "changes" JSONB NOT NULL DEFAULT '{}',
    "ip" VARCHAR(64),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_log_actorUuid_id_idx" ON "audit_log"("actorUuid", "id");

-- CreateIndex
CREATE INDEX "audit_log_targetUuid_id_idx" ON "audit_log"("targetUuid", "id");

-- CreateIndex
CREATE INDEX "audit_log_action_id_idx" ON "audit_log"("action", "id");

-- Append-only: the app never changes or removes an entry, and the database ignores any attempt.
CREATE RULE "audit_log_no_update" AS ON UPDATE TO "audit_log" DO INSTEAD NOTHING;
CREATE RULE "audit_log_no_delete" AS ON DELETE TO "audit_log" DO INSTEAD NOTHING;
