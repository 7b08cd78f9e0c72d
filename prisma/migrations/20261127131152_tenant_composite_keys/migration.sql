-- DropForeignKey
ALTER TABLE "Assessment" DROP CONSTRAINT "Assessment_smeClientId_fkey";

-- DropForeignKey
ALTER TABLE "AssessmentEvidence" DROP CONSTRAINT "AssessmentEvidence_assessmentId_fkey";

-- DropForeignKey
ALTER TABLE "AssessmentEvidence" DROP CONSTRAINT "AssessmentEvidence_fileId_fkey";

-- DropForeignKey
ALTER TABLE "Claim" DROP CONSTRAINT "Claim_batchId_fkey";

-- DropForeignKey
ALTER TABLE "Claim" DROP CONSTRAINT "Claim_fundId_fkey";

-- DropForeignKey
ALTER TABLE "ClaimEvent" DROP CONSTRAINT "ClaimEvent_claimId_fkey";

-- DropForeignKey
ALTER TABLE "ClaimEvidence" DROP CONSTRAINT "ClaimEvidence_claimId_fkey";

-- DropForeignKey
ALTER TABLE "ClaimMachine" DROP CONSTRAINT "ClaimMachine_claimId_fkey";

-- DropForeignKey
ALTER TABLE "ClusterMembership" DROP CONSTRAINT "ClusterMembership_clusterId_fkey";

-- DropForeignKey
ALTER TABLE "ClusterMembership" DROP CONSTRAINT "ClusterMembership_smeClientId_fkey";

-- DropForeignKey
ALTER TABLE "CostEntry" DROP CONSTRAINT "CostEntry_costLineId_fkey";

-- DropForeignKey
ALTER TABLE "CostEntry" DROP CONSTRAINT "CostEntry_projectId_fkey";

-- DropForeignKey
ALTER TABLE "CostLine" DROP CONSTRAINT "CostLine_projectId_fkey";

-- DropForeignKey
ALTER TABLE "FundBatch" DROP CONSTRAINT "FundBatch_fundId_fkey";

-- DropForeignKey
ALTER TABLE "FundParticipation" DROP CONSTRAINT "FundParticipation_fundId_fkey";

-- DropForeignKey
ALTER TABLE "FundRuleVersion" DROP CONSTRAINT "FundRuleVersion_fundId_fkey";

-- DropForeignKey
ALTER TABLE "InventoryImport" DROP CONSTRAINT "InventoryImport_smeClientId_fkey";

-- DropForeignKey
ALTER TABLE "Machine" DROP CONSTRAINT "Machine_lineId_fkey";

-- DropForeignKey
ALTER TABLE "Machine" DROP CONSTRAINT "Machine_smeClientId_fkey";

-- DropForeignKey
ALTER TABLE "MachineChange" DROP CONSTRAINT "MachineChange_machineId_fkey";

-- DropForeignKey
ALTER TABLE "MeasuredSaving" DROP CONSTRAINT "MeasuredSaving_projectId_fkey";

-- DropForeignKey
ALTER TABLE "ProductionLine" DROP CONSTRAINT "ProductionLine_workshopId_fkey";

-- DropForeignKey
ALTER TABLE "Project" DROP CONSTRAINT "Project_priceBookVersionId_fkey";

-- DropForeignKey
ALTER TABLE "Project" DROP CONSTRAINT "Project_smeClientId_fkey";

-- DropForeignKey
ALTER TABLE "ProjectMachine" DROP CONSTRAINT "ProjectMachine_machineId_fkey";

-- DropForeignKey
ALTER TABLE "ProjectMachine" DROP CONSTRAINT "ProjectMachine_projectId_fkey";

-- DropForeignKey
ALTER TABLE "ProjectStatusChange" DROP CONSTRAINT "ProjectStatusChange_projectId_fkey";

-- DropForeignKey
ALTER TABLE "Quote" DROP CONSTRAINT "Quote_projectId_fkey";

-- DropForeignKey
ALTER TABLE "SavingsLine" DROP CONSTRAINT "SavingsLine_projectId_fkey";

-- DropForeignKey
ALTER TABLE "Site" DROP CONSTRAINT "Site_smeClientId_fkey";

-- DropForeignKey
ALTER TABLE "SmeContact" DROP CONSTRAINT "SmeContact_smeClientId_fkey";

-- DropForeignKey
ALTER TABLE "User" DROP CONSTRAINT "User_smeClientId_fkey";

-- DropForeignKey
ALTER TABLE "Workshop" DROP CONSTRAINT "Workshop_siteId_fkey";

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_id_integratorId_smeClientId_key" ON "Assessment"("id", "integratorId", "smeClientId");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_id_countyId_integratorId_smeClientId_key" ON "Claim"("id", "countyId", "integratorId", "smeClientId");

-- CreateIndex
CREATE UNIQUE INDEX "Cluster_id_integratorId_key" ON "Cluster"("id", "integratorId");

-- CreateIndex
CREATE UNIQUE INDEX "CostLine_id_integratorId_smeClientId_key" ON "CostLine"("id", "integratorId", "smeClientId");

-- CreateIndex
CREATE UNIQUE INDEX "Fund_id_countyId_key" ON "Fund"("id", "countyId");

-- CreateIndex
CREATE UNIQUE INDEX "FundBatch_id_countyId_key" ON "FundBatch"("id", "countyId");

-- CreateIndex
CREATE UNIQUE INDEX "Machine_id_integratorId_smeClientId_key" ON "Machine"("id", "integratorId", "smeClientId");

-- CreateIndex
CREATE UNIQUE INDEX "PriceBookVersion_id_integratorId_key" ON "PriceBookVersion"("id", "integratorId");

-- CreateIndex
CREATE UNIQUE INDEX "ProductionLine_id_integratorId_smeClientId_key" ON "ProductionLine"("id", "integratorId", "smeClientId");

-- CreateIndex
CREATE UNIQUE INDEX "Project_id_integratorId_smeClientId_key" ON "Project"("id", "integratorId", "smeClientId");

-- CreateIndex
CREATE UNIQUE INDEX "Site_id_integratorId_smeClientId_key" ON "Site"("id", "integratorId", "smeClientId");

-- CreateIndex
CREATE UNIQUE INDEX "SmeClient_id_integratorId_key" ON "SmeClient"("id", "integratorId");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_id_integratorId_key" ON "StoredFile"("id", "integratorId");

-- CreateIndex
CREATE UNIQUE INDEX "Workshop_id_integratorId_smeClientId_key" ON "Workshop"("id", "integratorId", "smeClientId");

-- AddForeignKey
ALTER TABLE "SmeContact" ADD CONSTRAINT "SmeContact_smeClientId_integratorId_fkey" FOREIGN KEY ("smeClientId", "integratorId") REFERENCES "SmeClient"("id", "integratorId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterMembership" ADD CONSTRAINT "ClusterMembership_clusterId_integratorId_fkey" FOREIGN KEY ("clusterId", "integratorId") REFERENCES "Cluster"("id", "integratorId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterMembership" ADD CONSTRAINT "ClusterMembership_smeClientId_integratorId_fkey" FOREIGN KEY ("smeClientId", "integratorId") REFERENCES "SmeClient"("id", "integratorId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Site" ADD CONSTRAINT "Site_smeClientId_integratorId_fkey" FOREIGN KEY ("smeClientId", "integratorId") REFERENCES "SmeClient"("id", "integratorId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workshop" ADD CONSTRAINT "Workshop_siteId_integratorId_smeClientId_fkey" FOREIGN KEY ("siteId", "integratorId", "smeClientId") REFERENCES "Site"("id", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductionLine" ADD CONSTRAINT "ProductionLine_workshopId_integratorId_smeClientId_fkey" FOREIGN KEY ("workshopId", "integratorId", "smeClientId") REFERENCES "Workshop"("id", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Machine" ADD CONSTRAINT "Machine_smeClientId_integratorId_fkey" FOREIGN KEY ("smeClientId", "integratorId") REFERENCES "SmeClient"("id", "integratorId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Machine" ADD CONSTRAINT "Machine_lineId_integratorId_smeClientId_fkey" FOREIGN KEY ("lineId", "integratorId", "smeClientId") REFERENCES "ProductionLine"("id", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MachineChange" ADD CONSTRAINT "MachineChange_machineId_integratorId_smeClientId_fkey" FOREIGN KEY ("machineId", "integratorId", "smeClientId") REFERENCES "Machine"("id", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InventoryImport" ADD CONSTRAINT "InventoryImport_smeClientId_integratorId_fkey" FOREIGN KEY ("smeClientId", "integratorId") REFERENCES "SmeClient"("id", "integratorId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundBatch" ADD CONSTRAINT "FundBatch_fundId_countyId_fkey" FOREIGN KEY ("fundId", "countyId") REFERENCES "Fund"("id", "countyId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundRuleVersion" ADD CONSTRAINT "FundRuleVersion_fundId_countyId_fkey" FOREIGN KEY ("fundId", "countyId") REFERENCES "Fund"("id", "countyId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_fundId_countyId_fkey" FOREIGN KEY ("fundId", "countyId") REFERENCES "Fund"("id", "countyId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_projectId_integratorId_smeClientId_fkey" FOREIGN KEY ("projectId", "integratorId", "smeClientId") REFERENCES "Project"("id", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_batchId_countyId_fkey" FOREIGN KEY ("batchId", "countyId") REFERENCES "FundBatch"("id", "countyId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimMachine" ADD CONSTRAINT "ClaimMachine_claimId_countyId_integratorId_smeClientId_fkey" FOREIGN KEY ("claimId", "countyId", "integratorId", "smeClientId") REFERENCES "Claim"("id", "countyId", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimEvidence" ADD CONSTRAINT "ClaimEvidence_claimId_countyId_integratorId_smeClientId_fkey" FOREIGN KEY ("claimId", "countyId", "integratorId", "smeClientId") REFERENCES "Claim"("id", "countyId", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimEvent" ADD CONSTRAINT "ClaimEvent_claimId_countyId_integratorId_smeClientId_fkey" FOREIGN KEY ("claimId", "countyId", "integratorId", "smeClientId") REFERENCES "Claim"("id", "countyId", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundParticipation" ADD CONSTRAINT "FundParticipation_fundId_countyId_fkey" FOREIGN KEY ("fundId", "countyId") REFERENCES "Fund"("id", "countyId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_smeClientId_integratorId_fkey" FOREIGN KEY ("smeClientId", "integratorId") REFERENCES "SmeClient"("id", "integratorId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_smeClientId_integratorId_fkey" FOREIGN KEY ("smeClientId", "integratorId") REFERENCES "SmeClient"("id", "integratorId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentEvidence" ADD CONSTRAINT "AssessmentEvidence_assessmentId_integratorId_smeClientId_fkey" FOREIGN KEY ("assessmentId", "integratorId", "smeClientId") REFERENCES "Assessment"("id", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentEvidence" ADD CONSTRAINT "AssessmentEvidence_fileId_integratorId_fkey" FOREIGN KEY ("fileId", "integratorId") REFERENCES "StoredFile"("id", "integratorId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_smeClientId_integratorId_fkey" FOREIGN KEY ("smeClientId", "integratorId") REFERENCES "SmeClient"("id", "integratorId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_priceBookVersionId_integratorId_fkey" FOREIGN KEY ("priceBookVersionId", "integratorId") REFERENCES "PriceBookVersion"("id", "integratorId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMachine" ADD CONSTRAINT "ProjectMachine_projectId_integratorId_smeClientId_fkey" FOREIGN KEY ("projectId", "integratorId", "smeClientId") REFERENCES "Project"("id", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMachine" ADD CONSTRAINT "ProjectMachine_machineId_integratorId_smeClientId_fkey" FOREIGN KEY ("machineId", "integratorId", "smeClientId") REFERENCES "Machine"("id", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostLine" ADD CONSTRAINT "CostLine_projectId_integratorId_smeClientId_fkey" FOREIGN KEY ("projectId", "integratorId", "smeClientId") REFERENCES "Project"("id", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavingsLine" ADD CONSTRAINT "SavingsLine_projectId_integratorId_smeClientId_fkey" FOREIGN KEY ("projectId", "integratorId", "smeClientId") REFERENCES "Project"("id", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_projectId_integratorId_smeClientId_fkey" FOREIGN KEY ("projectId", "integratorId", "smeClientId") REFERENCES "Project"("id", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectStatusChange" ADD CONSTRAINT "ProjectStatusChange_projectId_integratorId_smeClientId_fkey" FOREIGN KEY ("projectId", "integratorId", "smeClientId") REFERENCES "Project"("id", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostEntry" ADD CONSTRAINT "CostEntry_projectId_integratorId_smeClientId_fkey" FOREIGN KEY ("projectId", "integratorId", "smeClientId") REFERENCES "Project"("id", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostEntry" ADD CONSTRAINT "CostEntry_costLineId_integratorId_smeClientId_fkey" FOREIGN KEY ("costLineId", "integratorId", "smeClientId") REFERENCES "CostLine"("id", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasuredSaving" ADD CONSTRAINT "MeasuredSaving_projectId_integratorId_smeClientId_fkey" FOREIGN KEY ("projectId", "integratorId", "smeClientId") REFERENCES "Project"("id", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A user tied to an SME must name the SME's integrator: a composite foreign key with a NULL column is not checked
-- (MATCH SIMPLE), so without this an SME owner row with no integratorId could name any tenant's SME.
ALTER TABLE "User" ADD CONSTRAINT "User_smeClient_needs_integrator" CHECK ("smeClientId" IS NULL OR "integratorId" IS NOT NULL);
