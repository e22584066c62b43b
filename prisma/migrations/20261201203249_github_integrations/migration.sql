-- CreateTable
CREATE TABLE "github_integrations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" INTEGER NOT NULL,
    "installationId" VARCHAR(20) NOT NULL,
    "accountLogin" VARCHAR(100) NOT NULL,
    "accountType" VARCHAR(20) NOT NULL,
    "accountAvatarUrl" VARCHAR(500),
    "repositorySelection" VARCHAR(20),
    "githubUserLogin" VARCHAR(100) NOT NULL,
    "githubUserId" BIGINT NOT NULL,
    "userTokenSealed" TEXT,
    "userTokenKeyId" VARCHAR(64),
    "repositoryCache" JSONB,
    "repositoryCacheUpdatedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "github_integrations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "github_branch_caches" (
    "integrationId" UUID NOT NULL,
    "repo" VARCHAR(200) NOT NULL,
    "branches" TEXT[],
    "defaultBranch" VARCHAR(255),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "github_branch_caches_pkey" PRIMARY KEY ("integrationId","repo")
);

-- CreateTable
CREATE TABLE "github_connect_states" (
    "tokenHash" VARCHAR(64) NOT NULL,
    "userId" INTEGER NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "github_connect_states_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateIndex
CREATE UNIQUE INDEX "github_integrations_userId_installationId_key" ON "github_integrations"("userId", "installationId");

-- CreateIndex
CREATE INDEX "github_connect_states_userId_idx" ON "github_connect_states"("userId");

-- AddForeignKey
ALTER TABLE "github_integrations" ADD CONSTRAINT "github_integrations_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "github_branch_caches" ADD CONSTRAINT "github_branch_caches_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "github_integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "github_connect_states" ADD CONSTRAINT "github_connect_states_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
