-- CreateEnum
CREATE TYPE "NotificationDeliveryStatus" AS ENUM ('SENT', 'FAILED');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "notificationChoices" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "NotificationEvent" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "actorId" TEXT,
    "integratorId" TEXT,
    "countyId" TEXT,
    "processedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "NotificationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationDelivery" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "integratorId" TEXT,
    "countyId" TEXT,
    "status" "NotificationDeliveryStatus" NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NotificationEvent_processedAt_nextAttemptAt_idx" ON "NotificationEvent"("processedAt", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "NotificationDelivery_integratorId_status_updatedAt_idx" ON "NotificationDelivery"("integratorId", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "NotificationDelivery_countyId_status_updatedAt_idx" ON "NotificationDelivery"("countyId", "status", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationDelivery_eventId_userId_channel_key" ON "NotificationDelivery"("eventId", "userId", "channel");

-- Row-level security (docs/decisions/0011). A tenant's transaction appends events (the outbox row of its own audited
-- change) and never reads them back; only the delivery job (the owner connection) reads and updates them.
ALTER TABLE "NotificationEvent" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_appends ON "NotificationEvent" FOR INSERT TO retrofit_integrator, retrofit_sme, retrofit_county
  WITH CHECK ("integratorId" = rp_integrator() OR "countyId" = rp_county());
-- Deliveries are written by the delivery job only; a tenant reads those to its own people (the admin's failure list).
ALTER TABLE "NotificationDelivery" ENABLE ROW LEVEL SECURITY;
CREATE POLICY integrator_reads ON "NotificationDelivery" FOR SELECT TO retrofit_integrator USING ("integratorId" = rp_integrator());
CREATE POLICY county_reads ON "NotificationDelivery" FOR SELECT TO retrofit_county USING ("countyId" = rp_county());
