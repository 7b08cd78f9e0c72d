-- AlterTable
ALTER TABLE "Integrator" ADD COLUMN     "address" TEXT,
ADD COLUMN     "addressEn" TEXT,
ADD COLUMN     "creditCode" TEXT,
ADD COLUMN     "phone" TEXT;

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "contractPriceFen" BIGINT,
ADD COLUMN     "contractQuoteId" TEXT,
ADD COLUMN     "contractedAt" TIMESTAMP(3),
ADD COLUMN     "paymentTerms" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "PaymentMilestone" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "dueOn" TEXT NOT NULL,
    "shareBp" INTEGER NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PaymentMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmeInvoice" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "invoiceNo" TEXT NOT NULL,
    "issuedOn" DATE NOT NULL,
    "vatRateBp" INTEGER NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "taxFen" BIGINT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmeInvoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmePayment" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "milestoneId" TEXT NOT NULL,
    "receivedOn" DATE NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "reference" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmePayment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PaymentMilestone_integratorId_idx" ON "PaymentMilestone"("integratorId");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentMilestone_projectId_stage_key" ON "PaymentMilestone"("projectId", "stage");

-- CreateIndex
CREATE INDEX "SmeInvoice_integratorId_idx" ON "SmeInvoice"("integratorId");

-- CreateIndex
CREATE UNIQUE INDEX "SmeInvoice_projectId_invoiceNo_key" ON "SmeInvoice"("projectId", "invoiceNo");

-- CreateIndex
CREATE INDEX "SmePayment_projectId_idx" ON "SmePayment"("projectId");

-- CreateIndex
CREATE INDEX "SmePayment_integratorId_idx" ON "SmePayment"("integratorId");

-- AddForeignKey
ALTER TABLE "PaymentMilestone" ADD CONSTRAINT "PaymentMilestone_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmeInvoice" ADD CONSTRAINT "SmeInvoice_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmePayment" ADD CONSTRAINT "SmePayment_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmePayment" ADD CONSTRAINT "SmePayment_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "PaymentMilestone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Row-level security for the SME's side of a project: the integrator's staff write it, the SME owner reads it,
-- a county reads it for SMEs that filed a claim with it (paid and invoiced spend is what subsidy rules count).
-- The payment schedule is written when the SME owner accepts a quote (that acceptance is the contract), so the SME
-- role may write its own firm's schedule rows; invoices and payments are recorded by the integrator's staff only.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['PaymentMilestone', 'SmeInvoice', 'SmePayment'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY integrator_rows ON %I TO retrofit_integrator USING ("integratorId" = rp_integrator())', t);
    EXECUTE format('CREATE POLICY sme_reads ON %I FOR SELECT TO retrofit_sme USING ("integratorId" = rp_integrator() AND "smeClientId" = rp_sme())', t);
    EXECUTE format('CREATE POLICY county_reads_claimants ON %I FOR SELECT TO retrofit_county USING (EXISTS (
      SELECT 1 FROM "Claim" c WHERE c."smeClientId" = %I."smeClientId" AND c."countyId" = rp_county()))', t, t);
  END LOOP;
END $$;
CREATE POLICY sme_signs_contract ON "PaymentMilestone" FOR ALL TO retrofit_sme
  USING ("integratorId" = rp_integrator() AND "smeClientId" = rp_sme())
  WITH CHECK ("integratorId" = rp_integrator() AND "smeClientId" = rp_sme());

-- The integrator's side (budget lines and supplier invoices) is its staff's alone: no SME owner, no county.
DROP POLICY IF EXISTS sme_rows ON "CostLine";
DROP POLICY IF EXISTS county_reads_claimants ON "CostLine";
DROP POLICY IF EXISTS sme_rows ON "CostEntry";
DROP POLICY IF EXISTS county_reads_claimants ON "CostEntry";
