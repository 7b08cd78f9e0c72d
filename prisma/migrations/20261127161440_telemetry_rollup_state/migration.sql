-- CreateTable
CREATE TABLE "TelemetryRollupState" (
    "id" TEXT NOT NULL,
    "watermark" TIMESTAMPTZ(3) NOT NULL,
    "lastRunAt" TIMESTAMPTZ(3),
    "lastPurgeAt" TIMESTAMPTZ(3),

    CONSTRAINT "TelemetryRollupState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TelemetryRollupPending" (
    "terminal" INTEGER NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "dirty" BOOLEAN NOT NULL DEFAULT true,
    "computedAt" TIMESTAMPTZ(3),

    CONSTRAINT "TelemetryRollupPending_pkey" PRIMARY KEY ("terminal","hour")
);

-- CreateIndex
CREATE INDEX "TelemetryRollupPending_hour_idx" ON "TelemetryRollupPending"("hour");

-- The roll-up job's watermark and queue belong to the job alone (run as the owner): no tenant role may read or write them.
ALTER TABLE "TelemetryRollupState" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "TelemetryRollupPending" ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON "TelemetryRollupState" FROM retrofit_app;
REVOKE ALL ON "TelemetryRollupPending" FROM retrofit_app;
