-- CreateTable
CREATE TABLE "personal_api_keys" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" INTEGER NOT NULL,
    "label" VARCHAR(40) NOT NULL,
    "scopes" TEXT[],
    "keyHash" VARCHAR(64) NOT NULL,
    "maskValue" VARCHAR(16) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),
    "lastRolledAt" TIMESTAMPTZ(3),

    CONSTRAINT "personal_api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "personal_api_keys_keyHash_key" ON "personal_api_keys"("keyHash");

-- CreateIndex
CREATE INDEX "personal_api_keys_userId_createdAt_idx" ON "personal_api_keys"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "personal_api_keys" ADD CONSTRAINT "personal_api_keys_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
