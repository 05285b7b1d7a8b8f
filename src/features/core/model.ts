import * as z from 'zod/mini';
import { idSchema } from '../../domain/schemas.js';

/** The resident-facing features; each has its own category catalogue per community. */
export const features = ['complaint', 'wish', 'volunteer', 'redblack', 'activity'] as const;
export type Feature = (typeof features)[number];

const nameSchema = z.string().check(z.trim(), z.minLength(1, 'name.required'), z.maxLength(60));
/** Proper nouns are Chinese; `nameEn` is shown to English readers when the operator gave one. */
const named = { id: idSchema, name: nameSchema, nameEn: z.optional(nameSchema) };

export const unitSchema = z.object(named); // 单元
export const buildingSchema = z.object({ ...named, units: z.array(unitSchema) }); // 楼栋
export const gridSchema = z.object({ ...named, buildings: z.array(buildingSchema) }); // 网格

/** A category's extra question (FixMyStreet's category questions), answered in free text. */
export const categoryQuestionSchema = z.object({
  id: idSchema,
  label: z.string().check(z.minLength(1), z.maxLength(120)),
  labelEn: z.optional(z.string().check(z.minLength(1), z.maxLength(120))),
  /** The answer may not be left empty. */
  required: z.optional(z.boolean()),
});

export const categorySchema = z.object({
  ...named,
  /** Working days to resolve (SLA); features without deadlines leave it out. */
  slaDays: z.optional(z.int().check(z.minimum(1), z.maximum(60))),
  /** Asked when the category is chosen (complaints); answers go in `answers` by id. */
  questions: z.optional(z.array(categoryQuestionSchema).check(z.maxLength(5))),
});
export type CategoryQuestion = z.output<typeof categoryQuestionSchema>;

/** What a form collecting personal data must tell people (PIPL art. 17). */
export const privacyNoticeSchema = z.object({
  /** Who collects: the 居委会 or 街道办 as a legal person. */
  controller: z.string().check(z.minLength(1), z.maxLength(120)),
  /** Contact for access, correction and deletion requests. */
  contact: z.string().check(z.minLength(1), z.maxLength(120)),
  retentionDays: z.int().check(z.minimum(1), z.maximum(3650)),
});

export const communitySchema = z.object({
  ...named,
  /** The 街道 the community belongs to. */
  street: z.object({ name: nameSchema, nameEn: z.optional(nameSchema) }),
  grids: z.array(gridSchema),
  categories: z.partialRecord(z.enum(features), z.array(categorySchema)),
  privacy: privacyNoticeSchema,
  /** Per-feature settings an operator may change; every one has a default. */
  settings: z.optional(
    z.object({
      wish: z.optional(
        z.object({
          /** Days a claim holds before it goes back to the wall (default 7). */
          holdDays: z.optional(z.int().check(z.minimum(1), z.maximum(60))),
          /** Highest estimated value (元) a wish may have (default 200). */
          valueCap: z.optional(z.number().check(z.minimum(0), z.maximum(100_000))),
        }),
      ),
      /** 和谐楼道 scores (src/features/redblack/rubric.ts has the defaults). */
      redblack: z.optional(
        z.object({
          /** The scoring rubric's items (0–10 each); default 环境卫生, 楼道堆物, 文明养犬, 垃圾分类, 邻里互助. */
          scoreItems: z.optional(z.array(z.object(named)).check(z.minLength(1), z.maxLength(12))),
          /** How many top-ranked buildings are suggested for the red list (default 3). */
          redTop: z.optional(z.int().check(z.minimum(1), z.maximum(50))),
          /** A building whose average item score is below this is a black candidate (default 6). */
          blackBelow: z.optional(z.number().check(z.minimum(0), z.maximum(10))),
        }),
      ),
    }),
  ),
});

/** What lists of communities carry: enough to choose one. */
export const communitySummarySchema = z.object({
  id: idSchema,
  name: nameSchema,
  nameEn: z.optional(nameSchema),
  street: z.object({ name: nameSchema, nameEn: z.optional(nameSchema) }),
});

export type Unit = z.output<typeof unitSchema>;
export type Building = z.output<typeof buildingSchema>;
export type Grid = z.output<typeof gridSchema>;
export type Category = z.output<typeof categorySchema>;
export type PrivacyNotice = z.output<typeof privacyNoticeSchema>;
export type Community = z.output<typeof communitySchema>;
export type CommunitySummary = z.output<typeof communitySummarySchema>;

export const summarize = ({ id, name, nameEn, street }: Community): CommunitySummary =>
  nameEn === undefined ? { id, name, street } : { id, name, nameEn, street };

/**
 * A place in a community, coarse to fine; each level needs the one above it. Strict: a place
 * in words (`{community, text}`, complaint.ts) must never pass as the community alone with its
 * words stripped.
 */
export const locationSchema = z
  .strictObject({
    community: idSchema,
    grid: z.optional(idSchema),
    building: z.optional(idSchema),
    unit: z.optional(idSchema),
  })
  .check(
    z.refine((l) => !l.building || !!l.grid, { error: 'location.gridRequired', path: ['grid'] }),
    z.refine((l) => !l.unit || !!l.building, {
      error: 'location.buildingRequired',
      path: ['building'],
    }),
  );
export type Location = z.output<typeof locationSchema>;
