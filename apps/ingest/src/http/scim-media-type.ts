/** RFC 7644 §3.1: SCIM responses are application/scim+json. */
export const SCIM_MEDIA_TYPE = 'application/scim+json; charset=utf-8';
