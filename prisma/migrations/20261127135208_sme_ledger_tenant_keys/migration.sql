-- DropForeignKey
ALTER TABLE "PaymentMilestone" DROP CONSTRAINT "PaymentMilestone_projectId_fkey";

-- DropForeignKey
ALTER TABLE "SmeInvoice" DROP CONSTRAINT "SmeInvoice_projectId_fkey";

-- DropForeignKey
ALTER TABLE "SmePayment" DROP CONSTRAINT "SmePayment_milestoneId_fkey";

-- DropForeignKey
ALTER TABLE "SmePayment" DROP CONSTRAINT "SmePayment_projectId_fkey";

-- CreateIndex
CREATE UNIQUE INDEX "PaymentMilestone_id_integratorId_smeClientId_key" ON "PaymentMilestone"("id", "integratorId", "smeClientId");

-- AddForeignKey
ALTER TABLE "PaymentMilestone" ADD CONSTRAINT "PaymentMilestone_projectId_integratorId_smeClientId_fkey" FOREIGN KEY ("projectId", "integratorId", "smeClientId") REFERENCES "Project"("id", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmeInvoice" ADD CONSTRAINT "SmeInvoice_projectId_integratorId_smeClientId_fkey" FOREIGN KEY ("projectId", "integratorId", "smeClientId") REFERENCES "Project"("id", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmePayment" ADD CONSTRAINT "SmePayment_projectId_integratorId_smeClientId_fkey" FOREIGN KEY ("projectId", "integratorId", "smeClientId") REFERENCES "Project"("id", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmePayment" ADD CONSTRAINT "SmePayment_milestoneId_integratorId_smeClientId_fkey" FOREIGN KEY ("milestoneId", "integratorId", "smeClientId") REFERENCES "PaymentMilestone"("id", "integratorId", "smeClientId") ON DELETE RESTRICT ON UPDATE CASCADE;
