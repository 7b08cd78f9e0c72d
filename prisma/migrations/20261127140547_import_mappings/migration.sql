-- CreateTable
CREATE TABLE "ImportMapping" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "headersKey" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ImportMapping_integratorId_headersKey_key" ON "ImportMapping"("integratorId", "headersKey");

-- Row-level security: an integrator's staff read and write their own mappings; nobody else sees them.
ALTER TABLE "ImportMapping" ENABLE ROW LEVEL SECURITY;
CREATE POLICY integrator_rows ON "ImportMapping" TO retrofit_integrator USING ("integratorId" = rp_integrator());
