// Public API of @roster/sdk: the client a SaaS backend uses to consume Roster (webhook verification, Events API paging).
export {};
