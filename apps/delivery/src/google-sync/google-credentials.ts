import { z } from 'zod';
import { GoogleSyncError } from './google-sync-safety';

const serviceAccountKey = z.looseObject({
  client_email: z.string().min(1),
  private_key: z.string().includes('PRIVATE KEY'),
  token_uri: z.url().default('https://oauth2.googleapis.com/token'),
});

// The portal stores the key as the pasted JSON text; the API may send it as an object.
const providerConfig = z.looseObject({
  admin_email: z.email(),
  service_account_key: z.union([
    z.string().transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not JSON' });
        return z.NEVER;
      }
    }),
    z.record(z.string(), z.unknown()),
  ]).pipe(serviceAccountKey),
});

/** A service account allowed domain-wide delegation, acting as `adminEmail`. */
export interface GoogleCredentials {
  adminEmail: string;
  clientEmail: string;
  privateKey: string;
  tokenUri: string;
}

/** Reads a directory's decrypted provider_config. @throws GoogleSyncError naming what is missing, never a value. */
export function readGoogleCredentials(plaintext: string | null): GoogleCredentials {
  if (plaintext === null) {
    throw new GoogleSyncError('google_not_configured', 'No service account key and admin email are configured yet.');
  }
  let json: unknown;
  try {
    json = JSON.parse(plaintext);
  } catch {
    json = null;
  }
  const parsed = providerConfig.safeParse(json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))].join(', ');
    throw new GoogleSyncError('google_invalid_config', `The Google provider_config is invalid (${fields}).`);
  }
  const key = parsed.data.service_account_key;
  return {
    adminEmail: parsed.data.admin_email,
    clientEmail: key.client_email,
    privateKey: key.private_key,
    tokenUri: key.token_uri,
  };
}
