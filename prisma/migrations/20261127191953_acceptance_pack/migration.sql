-- CreateTable
CREATE TABLE "SatisfactionRecord" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "overall" INTEGER NOT NULL,
    "service" INTEGER NOT NULL,
    "results" INTEGER NOT NULL,
    "usedInProduction" BOOLEAN NOT NULL,
    "wouldRecommend" BOOLEAN NOT NULL,
    "comment" TEXT,
    "respondentName" TEXT NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SatisfactionRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SatisfactionRecord_integratorId_idx" ON "SatisfactionRecord"("integratorId");

-- CreateIndex
CREATE INDEX "SatisfactionRecord_smeClientId_idx" ON "SatisfactionRecord"("smeClientId");

-- CreateIndex
CREATE UNIQUE INDEX "SatisfactionRecord_projectId_key" ON "SatisfactionRecord"("projectId");

-- AddForeignKey
ALTER TABLE "SatisfactionRecord" ADD CONSTRAINT "SatisfactionRecord_projectId_integratorId_smeClientId_fkey" FOREIGN KEY ("projectId", "integratorId", "smeClientId") REFERENCES "Project"("id", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Row-level security (docs/decisions/0021): the integrator's staff read it; the SME owner fills in (and reads) the
-- record of their own firm; a county reads it for firms that filed a claim with it (the acceptance pack).
ALTER TABLE "SatisfactionRecord" ENABLE ROW LEVEL SECURITY;
CREATE POLICY integrator_reads ON "SatisfactionRecord" FOR SELECT TO retrofit_integrator USING ("integratorId" = rp_integrator());
CREATE POLICY sme_rows ON "SatisfactionRecord" TO retrofit_sme
  USING ("integratorId" = rp_integrator() AND "smeClientId" = rp_sme())
  WITH CHECK ("integratorId" = rp_integrator() AND "smeClientId" = rp_sme());
CREATE POLICY county_reads_claimants ON "SatisfactionRecord" FOR SELECT TO retrofit_county USING (EXISTS (
  SELECT 1 FROM "Claim" c WHERE c."smeClientId" = "SatisfactionRecord"."smeClientId" AND c."countyId" = rp_county()));

-- The county's view of its fund (machines connected, still used, utilization) reads the roll-ups and terminal health
-- of the firms that filed a claim with it, and publishes only figures drawn from at least 5 firms (server/domain/county).
CREATE POLICY county_reads_claimants ON "MachineHour" FOR SELECT TO retrofit_county USING (EXISTS (
  SELECT 1 FROM "Claim" c WHERE c."smeClientId" = "MachineHour"."smeClientId" AND c."countyId" = rp_county()));
CREATE POLICY county_reads_claimants ON "TerminalHealth" FOR SELECT TO retrofit_county USING (EXISTS (
  SELECT 1 FROM "Claim" c WHERE c."smeClientId" = "TerminalHealth"."smeClientId" AND c."countyId" = rp_county()));
CREATE POLICY county_reads_claimants ON "Terminal" FOR SELECT TO retrofit_county USING (EXISTS (
  SELECT 1 FROM "Claim" c WHERE c."smeClientId" = "Terminal"."smeClientId" AND c."countyId" = rp_county()));
