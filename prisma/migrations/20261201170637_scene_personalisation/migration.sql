-- AlterTable
ALTER TABLE "dashboards" ADD COLUMN     "deleted" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "scene_personalisations" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "teamId" INTEGER NOT NULL,
    "scene" VARCHAR(200) NOT NULL,
    "dashboardId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "scene_personalisations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "scene_personalisations_dashboardId_idx" ON "scene_personalisations"("dashboardId");

-- CreateIndex
CREATE UNIQUE INDEX "scene_personalisations_userId_teamId_scene_key" ON "scene_personalisations"("userId", "teamId", "scene");

-- AddForeignKey
ALTER TABLE "scene_personalisations" ADD CONSTRAINT "scene_personalisations_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scene_personalisations" ADD CONSTRAINT "scene_personalisations_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scene_personalisations" ADD CONSTRAINT "scene_personalisations_dashboardId_fkey" FOREIGN KEY ("dashboardId") REFERENCES "dashboards"("id") ON DELETE CASCADE ON UPDATE CASCADE;
