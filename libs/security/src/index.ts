export { SecretBox, SecretBoxError } from './secret-box';
export { generateSecret, hashSecret, lastFour, secretMatchesHash, secretsEqual } from './secret-token';
