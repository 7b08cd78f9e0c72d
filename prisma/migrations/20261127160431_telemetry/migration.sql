-- CreateEnum
CREATE TYPE "TerminalKind" AS ENUM ('TERMINAL', 'GATEWAY');

-- AlterTable
ALTER TABLE "Machine" ADD COLUMN     "idealCycleS" DECIMAL(10,3);

-- CreateTable
CREATE TABLE "Terminal" (
    "id" TEXT NOT NULL,
    "num" SERIAL NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "kind" "TerminalKind" NOT NULL DEFAULT 'TERMINAL',
    "serial" TEXT NOT NULL,
    "machineId" TEXT,
    "gatewayId" TEXT,
    "secretHash" TEXT NOT NULL,
    "secretSetAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Terminal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TerminalHealth" (
    "terminalId" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3),
    "lastSeenAt" TIMESTAMP(3),
    "lastAt" TIMESTAMP(3),
    "lastState" SMALLINT,
    "lastAlarm" TEXT,
    "accepted" BIGINT NOT NULL DEFAULT 0,
    "duplicates" BIGINT NOT NULL DEFAULT 0,
    "refused" BIGINT NOT NULL DEFAULT 0,
    "malformed" BIGINT NOT NULL DEFAULT 0,
    "lastProblem" TEXT,
    "lastProblemAt" TIMESTAMP(3),

    CONSTRAINT "TerminalHealth_pkey" PRIMARY KEY ("terminalId")
);

-- CreateTable
CREATE TABLE "TelemetrySample" (
    "terminal" INTEGER NOT NULL,
    "seq" BIGINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "state" SMALLINT NOT NULL,
    "alarm" TEXT,
    "count" BIGINT,
    "good" BIGINT,
    "wh" BIGINT,
    "extra" JSONB,

    CONSTRAINT "TelemetrySample_pkey" PRIMARY KEY ("terminal","seq")
);

-- CreateTable
CREATE TABLE "MachineHour" (
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "machineId" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "plannedS" INTEGER NOT NULL,
    "runningS" INTEGER NOT NULL,
    "idleS" INTEGER NOT NULL,
    "stoppedS" INTEGER NOT NULL,
    "alarmS" INTEGER NOT NULL,
    "setupS" INTEGER NOT NULL,
    "unknownS" INTEGER NOT NULL,
    "plannedRunningS" INTEGER NOT NULL,
    "plannedIdleS" INTEGER NOT NULL,
    "plannedStoppedS" INTEGER NOT NULL,
    "plannedAlarmS" INTEGER NOT NULL,
    "plannedSetupS" INTEGER NOT NULL,
    "plannedUnknownS" INTEGER NOT NULL,
    "parts" INTEGER NOT NULL DEFAULT 0,
    "goodParts" INTEGER,
    "wh" BIGINT,
    "samples" INTEGER NOT NULL DEFAULT 0,
    "alarms" JSONB,
    "defaultCalendar" BOOLEAN NOT NULL DEFAULT false,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MachineHour_pkey" PRIMARY KEY ("machineId","hour")
);

-- CreateTable
CREATE TABLE "MachineStateSpan" (
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "machineId" TEXT NOT NULL,
    "from" TIMESTAMPTZ(3) NOT NULL,
    "to" TIMESTAMPTZ(3) NOT NULL,
    "state" SMALLINT NOT NULL,
    "alarm" TEXT,

    CONSTRAINT "MachineStateSpan_pkey" PRIMARY KEY ("machineId","from")
);

-- CreateTable
CREATE TABLE "ShiftCalendar" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShiftCalendar_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Terminal_num_key" ON "Terminal"("num");

-- CreateIndex
CREATE INDEX "Terminal_smeClientId_idx" ON "Terminal"("smeClientId");

-- CreateIndex
CREATE INDEX "Terminal_machineId_idx" ON "Terminal"("machineId");

-- CreateIndex
CREATE INDEX "Terminal_gatewayId_idx" ON "Terminal"("gatewayId");

-- CreateIndex
CREATE UNIQUE INDEX "Terminal_id_integratorId_smeClientId_key" ON "Terminal"("id", "integratorId", "smeClientId");

-- CreateIndex
CREATE UNIQUE INDEX "Terminal_integratorId_serial_key" ON "Terminal"("integratorId", "serial");

-- CreateIndex
CREATE INDEX "TerminalHealth_integratorId_lastSeenAt_idx" ON "TerminalHealth"("integratorId", "lastSeenAt");

-- CreateIndex
CREATE INDEX "TerminalHealth_smeClientId_idx" ON "TerminalHealth"("smeClientId");

-- CreateIndex
CREATE UNIQUE INDEX "TerminalHealth_terminalId_integratorId_smeClientId_key" ON "TerminalHealth"("terminalId", "integratorId", "smeClientId");

-- CreateIndex
CREATE INDEX "TelemetrySample_terminal_at_idx" ON "TelemetrySample"("terminal", "at");

-- CreateIndex
CREATE INDEX "MachineHour_integratorId_hour_idx" ON "MachineHour"("integratorId", "hour");

-- CreateIndex
CREATE INDEX "MachineHour_smeClientId_hour_idx" ON "MachineHour"("smeClientId", "hour");

-- CreateIndex
CREATE INDEX "MachineStateSpan_smeClientId_idx" ON "MachineStateSpan"("smeClientId");

-- CreateIndex
CREATE UNIQUE INDEX "ShiftCalendar_smeClientId_integratorId_key" ON "ShiftCalendar"("smeClientId", "integratorId");

-- CreateIndex
CREATE UNIQUE INDEX "ShiftCalendar_id_integratorId_smeClientId_key" ON "ShiftCalendar"("id", "integratorId", "smeClientId");

-- AddForeignKey
ALTER TABLE "Terminal" ADD CONSTRAINT "Terminal_smeClientId_integratorId_fkey" FOREIGN KEY ("smeClientId", "integratorId") REFERENCES "SmeClient"("id", "integratorId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Terminal" ADD CONSTRAINT "Terminal_machineId_integratorId_smeClientId_fkey" FOREIGN KEY ("machineId", "integratorId", "smeClientId") REFERENCES "Machine"("id", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Terminal" ADD CONSTRAINT "Terminal_gatewayId_integratorId_smeClientId_fkey" FOREIGN KEY ("gatewayId", "integratorId", "smeClientId") REFERENCES "Terminal"("id", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TerminalHealth" ADD CONSTRAINT "TerminalHealth_terminalId_integratorId_smeClientId_fkey" FOREIGN KEY ("terminalId", "integratorId", "smeClientId") REFERENCES "Terminal"("id", "integratorId", "smeClientId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MachineHour" ADD CONSTRAINT "MachineHour_machineId_integratorId_smeClientId_fkey" FOREIGN KEY ("machineId", "integratorId", "smeClientId") REFERENCES "Machine"("id", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MachineStateSpan" ADD CONSTRAINT "MachineStateSpan_machineId_integratorId_smeClientId_fkey" FOREIGN KEY ("machineId", "integratorId", "smeClientId") REFERENCES "Machine"("id", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShiftCalendar" ADD CONSTRAINT "ShiftCalendar_smeClientId_integratorId_fkey" FOREIGN KEY ("smeClientId", "integratorId") REFERENCES "SmeClient"("id", "integratorId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A terminal is fitted to one machine; a gateway to none. One live terminal per machine.
ALTER TABLE "Terminal" ADD CONSTRAINT "Terminal_kind_machine" CHECK (("kind" = 'TERMINAL') = ("machineId" IS NOT NULL));
CREATE UNIQUE INDEX "Terminal_one_live_per_machine" ON "Terminal"("machineId") WHERE "revokedAt" IS NULL AND "machineId" IS NOT NULL;

-- Raw samples arrive in receivedAt order: a BRIN index finds what arrived since the last roll-up for almost nothing.
CREATE INDEX "TelemetrySample_receivedAt_brin" ON "TelemetrySample" USING brin ("receivedAt");
-- The health row is rewritten on every batch: leave room on each page so the update stays on the page (HOT).
ALTER TABLE "TerminalHealth" SET (fillfactor = 70);
ALTER TABLE "MachineHour" SET (fillfactor = 80);

-- Row-level security. Staff of the integrator: everything of theirs. SME owner: reads their own SME's terminals,
-- health, roll-ups, timeline and calendar. County: nothing here (claims carry frozen evidence instead).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Terminal', 'TerminalHealth', 'MachineHour', 'MachineStateSpan', 'ShiftCalendar'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY integrator_rows ON %I TO retrofit_integrator USING ("integratorId" = rp_integrator())', t);
    EXECUTE format('CREATE POLICY sme_reads ON %I FOR SELECT TO retrofit_sme USING ("integratorId" = rp_integrator() AND "smeClientId" = rp_sme())', t);
  END LOOP;
END $$;

-- Raw samples belong to the ingestion worker alone: no tenant role may read or write them.
ALTER TABLE "TelemetrySample" ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON "TelemetrySample" FROM retrofit_app;
