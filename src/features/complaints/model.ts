import * as z from 'zod/mini';
import { idSchema, phoneSchema } from '../../domain/schemas.js';
import { locationSchema } from '../core/model.js';
import {
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  MAX_PHOTOS,
  TICKET_PATTERN,
} from '../../domain/input-rules.js';

export * from './machine.js';

/** `SQ-2026-000123`: per-year sequence, given by the store in the submitting transaction. */
export const formatTicket = (year: number, sequence: number): string =>
  `SQ-${year}-${String(sequence).padStart(6, '0')}`;
export const ticketSchema = z.string().check(z.regex(TICKET_PATTERN, 'ticket.invalid'));

// ---- What a resident submits ----

export { DESCRIPTION_MAX, DESCRIPTION_MIN, MAX_PHOTOS };

export const complaintContactSchema = z.object({
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'contact.nameRequired'),
      z.maxLength(30, 'contact.nameTooLong'),
    ),
  phone: phoneSchema,
});

/**
 * A place by the community model, or in the resident's words. The words come first, so a
 * place whose words are too short fails with the words' message (the model's schema is strict
 * and refuses `text` too).
 */
export const complaintLocationSchema = z.union([
  z.object({
    community: idSchema,
    text: z.string().check(z.trim(), z.minLength(2, 'location.textTooShort'), z.maxLength(200)),
  }),
  locationSchema,
]);

export const complaintInputSchema = z
  .object({
    community: idSchema,
    category: idSchema,
    description: z
      .string()
      .check(
        z.trim(),
        z.minLength(DESCRIPTION_MIN, 'description.tooShort'),
        z.maxLength(DESCRIPTION_MAX, 'description.tooLong'),
      ),
    location: complaintLocationSchema,
    /** Answers to the category's extra questions, by question id. */
    answers: z._default(z.record(idSchema, z.string().check(z.maxLength(500))), {}),
    /** Upload ids from the uploads endpoint. */
    photos: z._default(z.array(idSchema).check(z.maxLength(MAX_PHOTOS, 'photos.tooMany')), []),
    anonymous: z._default(z.boolean(), false),
    contact: z.optional(complaintContactSchema),
    /** 同意隐私告知: must be true. */
    consent: z.literal(true, 'consent.required'),
    /** Separate consent to publish a redacted summary (公开). */
    publishConsent: z._default(z.boolean(), false),
  })
  .check(
    z.refine((c) => c.anonymous || c.contact !== undefined, {
      error: 'contact.required',
      path: ['contact'],
    }),
    z.refine((c) => c.location.community === c.community, {
      error: 'location.otherCommunity',
      path: ['location', 'community'],
    }),
  );
export type ComplaintInput = z.input<typeof complaintInputSchema>;
export type ComplaintSubmission = z.output<typeof complaintInputSchema>;
