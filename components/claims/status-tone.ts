export const claimTone = { DRAFT: 'slate', SUBMITTED: 'amber', RETURNED: 'amber', APPROVED: 'teal', REJECTED: 'red', DISBURSED: 'teal' } as const;
