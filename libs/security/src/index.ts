export { SecretBox, SecretBoxError } from './secret-box';
export { generateSecret, hashSecret, lastFour, secretMatchesHash, secretsEqual } from './secret-token';
export { type IssuedSecret, issueSecret, SECRET_PREFIXES } from './issued-secret';
