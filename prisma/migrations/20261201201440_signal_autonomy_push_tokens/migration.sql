-- CreateEnum
CREATE TYPE "SignalPriority" AS ENUM ('P0', 'P1', 'P2', 'P3', 'P4');

-- CreateEnum
CREATE TYPE "PushPlatform" AS ENUM ('ios', 'android', 'web');

-- CreateTable
CREATE TABLE "signal_autonomy_configs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" INTEGER NOT NULL,
    "autostartPriority" "SignalPriority",
    "slackNotificationChannel" VARCHAR(255),
    "slackNotificationMinPriority" "SignalPriority",
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "signal_autonomy_configs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_push_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" INTEGER NOT NULL,
    "token" VARCHAR(512) NOT NULL,
    "platform" "PushPlatform" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_push_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "signal_autonomy_configs_userId_key" ON "signal_autonomy_configs"("userId");

-- CreateIndex
CREATE INDEX "user_push_tokens_userId_lastSeenAt_idx" ON "user_push_tokens"("userId", "lastSeenAt");

-- CreateIndex
CREATE UNIQUE INDEX "user_push_tokens_userId_token_key" ON "user_push_tokens"("userId", "token");

-- AddForeignKey
ALTER TABLE "signal_autonomy_configs" ADD CONSTRAINT "signal_autonomy_configs_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_push_tokens" ADD CONSTRAINT "user_push_tokens_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
