/** What /ServiceProviderConfig advertises for /Bulk, and what the server enforces. */
export const BULK_LIMITS = { maxOperations: 1000, maxPayloadSize: 1024 * 1024 } as const;

/** The request body limit of the ingest app: a full Bulk request fits. */
export const SCIM_BODY_LIMIT = BULK_LIMITS.maxPayloadSize;
