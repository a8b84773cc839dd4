// Public API of @roster/dialects: IdP SCIM dialects normalized to canonical SCIM 2.0 (pure, no I/O).
export {};
