-- CreateTable
CREATE TABLE "account_activity" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" VARCHAR(64) NOT NULL,
    "ip" VARCHAR(64),
    "device" VARCHAR(200),
    "sessionId" UUID,
    "details" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_activity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "account_activity_userId_id_idx" ON "account_activity"("userId", "id");

-- CreateIndex
CREATE INDEX "account_activity_userId_kind_id_idx" ON "account_activity"("userId", "kind", "id");

-- CreateIndex
CREATE INDEX "account_activity_createdAt_idx" ON "account_activity"("createdAt");

-- AddForeignKey
ALTER TABLE "account_activity" ADD CONSTRAINT "account_activity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Append-only: an entry is never changed (retention and account deletion remove whole rows).
CREATE RULE "account_activity_no_update" AS ON UPDATE TO "account_activity" DO INSTEAD NOTHING;
