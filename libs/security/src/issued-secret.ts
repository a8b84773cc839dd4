import { generateSecret, hashSecret, lastFour } from './secret-token';

/** The readable prefix of each kind of bearer secret Roster issues. */
export const SECRET_PREFIXES = {
  apiKey: 'roster_sk_',
  scimToken: 'scim_',
  portalLink: 'portal_',
} as const;

export interface IssuedSecret {
  /** Shown to its owner once, never stored. */
  secret: string;
  hash: string;
  lastFour: string;
}

/** A new secret of a kind, with what is stored of it (its hash and last four characters). */
export function issueSecret(kind: keyof typeof SECRET_PREFIXES): IssuedSecret {
  const secret = generateSecret(SECRET_PREFIXES[kind]);
  return { secret, hash: hashSecret(secret), lastFour: lastFour(secret) };
}
