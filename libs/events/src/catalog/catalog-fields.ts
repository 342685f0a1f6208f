import { z } from 'zod';

/** Field schemas the event catalog shares, so every producer spells the same thing the same way. */
export const id = z.string().uuid();
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date (YYYY-MM-DD)');
export const timestamp = z.string().datetime({ offset: true });
export const cents = z.number().int().nonnegative();

/** Worker roles as the token's `roles` claim spells them (libs/auth); events carry the role a contact counts under. */
export const workerRole = z.enum(['SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR', 'PRACTICAL_NURSE', 'BENEFITS_HANDLER', 'CLIENT_ADVISOR', 'SUPERVISOR']);

/** Who did the work an event reports (a visit, an attendance), as statistics count it. */
export const performedBy = z.object({ workerId: z.string().min(1), workerRole });

/**
 * Personal data that must cross a topic (e.g. a Kela notice for a person not yet registered) travels
 * only as ciphertext (AES-256-GCM, libs/personal-identity-code), never in plaintext.
 */
export const encryptedField = z.string().regex(/^v1:[A-Za-z0-9_.-]+:/, 'must be an encrypted field');

/** The keyed hash of a personal identity code (HMAC-SHA256, hex): matches a person without revealing the code. */
export const lookupHash = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lookup hash');
