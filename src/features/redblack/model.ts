import * as z from 'zod/mini';
import { idSchema, phoneSchema, queryCodeSchema, boundedDateSchema } from '../../domain/schemas.js';
import { hashQueryCode } from '../../domain/codes.js';
import {
  appealActions,
  appealStatuses,
  publicRedblackStatuses,
  redblackActions,
  redblackStatuses,
} from './machine.js';
import {
  mayName,
  PERIOD_PATTERN,
  SCORE_MAX,
  SCORE_STEP,
  subjectKinds,
  type SubjectKind,
} from './rules.js';

export * from './machine.js';

// ---- Limits (schema-free: the elements' maxlength and counters use them too) ----

export const ENTRY_REASON_MAX = 300;
export const NOTE_MAX = 200;
export const APPEAL_REASON_MAX = 500;
export const EVIDENCE_PHOTOS_MAX = 6;
/** Working days staff have to decide an appeal (from the day after it was filed). */
export const APPEAL_WORKING_DAYS = 5;
/** The public note of an entry withdrawn after an upheld appeal. */
export const UPHELD_NOTE = '经复核撤销';

export const redblackLists = ['red', 'black'] as const;

/** Trimmed text between `min` and `max` characters, with its two messages' keys. */
const sizedText = (min: number, max: number, required: string, tooLong: string) =>
  z.string().check(z.trim(), z.minLength(min, required), z.maxLength(max, tooLong));
const noteText = () => sizedText(1, NOTE_MAX, 'redblackNote.required', 'redblackNote.tooLong');

/** `2026-11` (month), `2026-Q4` (quarter) or `2026` (year). */
export const periodSchema = z.string().check(z.regex(PERIOD_PATTERN, 'period.invalid'));

// ---- Subjects ----

const inBuilding = { grid: idSchema, building: idSchema };
const placeName = (required: string, tooLong: string) => sizedText(2, 60, required, tooLong);

/** A person's separate consent to be named (PIPL art. 25), as staff record it. */
export const personConsentInputSchema = z.strictObject(
  {
    /** The day the person consented (a signed form, a recorded call). */
    obtainedOn: boundedDateSchema(),
    /** The consent covers the full name; without it the board shows 张*丰. */
    fullName: z._default(z.boolean(), false),
    /** How it was given (本人签署书面同意书). */
    note: z.optional(z.string().check(z.trim(), z.maxLength(100, 'redblackNote.tooLong'))),
  },
  { error: 'personConsent.required' },
);
/** The consent as stored: who recorded it, and when. */
export const personConsentSchema = z.object({
  obtainedOn: z.string(),
  fullName: z.boolean(),
  note: z.optional(z.string()),
  recordedBy: idSchema,
  recordedAt: z.string(),
});
export type PersonConsent = z.output<typeof personConsentSchema>;

const subjectVariants = <C extends z.ZodMiniType>(consent: C) =>
  z.discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('building'), ...inBuilding }),
      z.strictObject({ kind: z.literal('unit'), ...inBuilding, unit: idSchema }),
      z.strictObject({
        kind: z.literal('area'),
        name: placeName('subjectName.required', 'subjectName.tooLong'),
      }),
      z.strictObject({
        kind: z.literal('organisation'),
        name: placeName('subjectName.required', 'subjectName.tooLong'),
      }),
      // A household is shown as its 楼栋/单元: strict, so a room number has no field to go in.
      z.strictObject({ kind: z.literal('household'), ...inBuilding, unit: z.optional(idSchema) }),
      z.strictObject({
        kind: z.literal('person'),
        name: sizedText(1, 30, 'person.nameRequired', 'person.nameTooLong'),
        consent,
      }),
    ],
    { error: 'subject.invalid' },
  );

/** What staff send: a person with their consent as given. */
export const subjectInputSchema = subjectVariants(personConsentInputSchema);
/** As stored: a person's consent with who recorded it and when. */
export const subjectSchema = subjectVariants(personConsentSchema);
export type SubjectInput = z.input<typeof subjectInputSchema>;
export type Subject = z.output<typeof subjectSchema>;

/**
 * The black list names places and organisations only: a person or a household on a black
 * entry is refused here, so the server refuses it (every route parses with this schema).
 */
const blackNamesPlaces = () =>
  z.refine<{ list: (typeof redblackLists)[number]; subject: { kind: SubjectKind } }>(
    (e) => mayName(e.list, e.subject.kind),
    { path: ['subject', 'kind'], error: 'subject.notAPlace' },
  );

const entryFields = {
  list: z.enum(redblackLists, 'list.invalid'),
  period: periodSchema,
  /** A `redblack` category of the community's rubric. */
  category: idSchema,
  subject: subjectInputSchema,
  /** 上榜理由: public, scrubbed of phones and ID numbers. */
  reason: sizedText(5, ENTRY_REASON_MAX, 'entryReason.required', 'entryReason.tooLong'),
  /** Uploaded evidence photos: staff-only until a reviewer clears each one. */
  photos: z._default(
    z.array(idSchema).check(z.maxLength(EVIDENCE_PHOTOS_MAX, 'evidence.tooMany')),
    [],
  ),
};

/** Staff: a new draft (POST /communities/{community}/redblack-entries). */
export const redblackEntryInputSchema = z
  .object({ community: idSchema, ...entryFields })
  .check(blackNamesPlaces());
export type RedblackEntryInput = z.input<typeof redblackEntryInputSchema>;

/**
 * Staff: an entry's new version (PUT /redblack-entries/{id}): a draft's edit, or after
 * publishing a correction (更正) whose `note` goes in the board's public change log.
 */
export const redblackEntryUpdateSchema = z
  .object({
    id: idSchema,
    ...entryFields,
    note: z.optional(noteText()),
  })
  .check(blackNamesPlaces());

export const redblackEventSchema = z.object({
  at: z.string(),
  action: z.enum(redblackActions),
  from: z.optional(z.enum(redblackStatuses)),
  to: z.enum(redblackStatuses),
  actor: z.object({
    kind: z.enum(['staff', 'resident', 'system']),
    id: z.optional(idSchema),
  }),
  text: z.optional(z.string()),
});
export type RedblackEvent = z.output<typeof redblackEventSchema>;

export const evidencePhotoSchema = z.object({
  id: idSchema,
  /** A reviewer confirmed: no faces, no number plates, no door numbers. Only these go public. */
  cleared: z.boolean(),
});

/** An entry as stored, and as staff see it. */
export const redblackEntrySchema = z
  .object({
    id: idSchema,
    community: idSchema,
    list: z.enum(redblackLists),
    period: z.string(),
    category: idSchema,
    subject: subjectSchema,
    reason: z.string(),
    photos: z.array(evidencePhotoSchema),
    status: z.enum(redblackStatuses),
    /** The staff member who wrote it: never the one who publishes it. */
    author: idSchema,
    publishedBy: z.optional(idSchema),
    publishedAt: z.optional(z.string()),
    /** When it leaves the board (set when published; renewals and 已整改 move it). */
    until: z.optional(z.string()),
    renewals: z.int(),
    rectification: z.optional(
      z.object({ date: z.string(), note: z.string(), at: z.string(), by: idSchema }),
    ),
    withdrawal: z.optional(z.object({ at: z.string(), note: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
    history: z.array(redblackEventSchema),
  })
  .check(blackNamesPlaces());
export type RedblackEntry = z.output<typeof redblackEntrySchema>;

export const redblackStaffActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('submit') }),
  z.object({ action: z.literal('return'), note: noteText() }),
  z.object({
    action: z.literal('publish'),
    /** The photos the reviewer cleared (no faces, plates or door numbers); the rest stay staff-only. */
    clearedPhotos: z._default(z.array(idSchema).check(z.maxLength(EVIDENCE_PHOTOS_MAX)), []),
  }),
  z.object({ action: z.literal('rectify'), date: boundedDateSchema(), note: noteText() }),
  z.object({ action: z.literal('renew') }),
  z.object({ action: z.literal('withdraw'), note: noteText() }),
]);
export type RedblackStaffAction = z.input<typeof redblackStaffActionSchema>;
export const redblackActionRequestSchema = z.intersection(
  z.object({ id: idSchema }),
  redblackStaffActionSchema,
);

export const redblackEntriesQuerySchema = z.object({
  community: idSchema,
  status: z.optional(z.enum(redblackStatuses)),
  period: z.optional(periodSchema),
});

// ---- The public board ----

export const publicEntrySchema = z.object({
  id: idSchema,
  list: z.enum(redblackLists),
  period: z.string(),
  periodLabel: z.string(),
  category: idSchema,
  categoryName: z.string(),
  categoryNameEn: z.optional(z.string()),
  subject: z.object({ kind: z.enum(subjectKinds), label: z.string() }),
  /** Scrubbed of phones and ID numbers; a person's name masked unless consented in full. */
  reason: z.string(),
  /** Cleared photos only. */
  photos: z.array(idSchema),
  status: z.enum(publicRedblackStatuses),
  publishedAt: z.string(),
  until: z.string(),
  rectification: z.optional(z.object({ date: z.string(), note: z.string() })),
  /** A black entry on the board may be appealed (申诉) by its responsible party. */
  appealable: z.boolean(),
});
export type PublicEntry = z.output<typeof publicEntrySchema>;

/** A line of the board's public change log ("11月3日 更正：…"). */
export const redblackChangeSchema = z.object({
  id: idSchema,
  community: idSchema,
  entry: idSchema,
  at: z.string(),
  kind: z.enum(['corrected', 'withdrawn']),
  list: z.enum(redblackLists),
  period: z.string(),
  /** The subject as the board showed it (masked). */
  subject: z.string(),
  /** Public, scrubbed. */
  note: z.string(),
});
export type RedblackChange = z.output<typeof redblackChangeSchema>;

export const redblackBoardQuerySchema = z.object({
  community: idSchema,
  /** A period of the archive; without it, what is on the board now. */
  period: z.optional(periodSchema),
});
export const redblackBoardSchema = z.object({
  community: idSchema,
  period: z.optional(z.string()),
  periodLabel: z.optional(z.string()),
  red: z.array(publicEntrySchema),
  black: z.array(publicEntrySchema),
  /** The latest corrections and withdrawals, newest first. */
  changes: z.array(redblackChangeSchema),
  /** Periods with published entries (the archive), newest first. */
  periods: z.array(z.object({ key: z.string(), label: z.string() })),
});
export type RedblackBoard = z.output<typeof redblackBoardSchema>;

// ---- Appeals (申诉) ----

export const appealInputSchema = z.object({
  entry: idSchema,
  /** Who appeals for the place: 楼栋长, 店主, 物业… */
  role: sizedText(1, 20, 'appellant.roleRequired', 'appellant.roleTooLong'),
  /** Private: staff only. */
  name: z.optional(sizedText(1, 30, 'appellant.nameRequired', 'appellant.nameTooLong')),
  /** Private: staff only. */
  phone: phoneSchema,
  reason: sizedText(5, APPEAL_REASON_MAX, 'appeal.reasonRequired', 'appeal.reasonTooLong'),
  consent: z.literal(true, 'consent.required'),
});
export type AppealInput = z.input<typeof appealInputSchema>;

export const appealEventSchema = z.object({
  at: z.string(),
  action: z.enum(appealActions),
  from: z.optional(z.enum(appealStatuses)),
  to: z.enum(appealStatuses),
  actor: z.object({ kind: z.enum(['staff', 'resident', 'system']), id: z.optional(idSchema) }),
  text: z.optional(z.string()),
});
export type AppealEvent = z.output<typeof appealEventSchema>;

export const appealSchema = z.object({
  id: idSchema,
  community: idSchema,
  entry: idSchema,
  role: z.string(),
  name: z.optional(z.string()),
  phone: z.string(),
  reason: z.string(),
  codeHash: z.string(),
  status: z.enum(appealStatuses),
  createdAt: z.string(),
  /** Staff decide by the end of this Beijing date (working days from filing). */
  dueBy: z.string(),
  decision: z.optional(
    z.object({
      at: z.string(),
      by: idSchema,
      outcome: z.enum(['upheld', 'dismissed']),
      /** Upheld: the public note; dismissed: the reason the appellant sees by code. */
      text: z.string(),
    }),
  ),
  history: z.array(appealEventSchema),
  /** Set when the retention job took the contact data out. */
  anonymisedAt: z.optional(z.string()),
});
export type Appeal = z.output<typeof appealSchema>;

export const appealReceiptSchema = z.object({
  id: idSchema,
  /** Shown once: follows the appeal. */
  code: z.string(),
  status: z.enum(appealStatuses),
  dueBy: z.string(),
});
export type AppealReceipt = z.output<typeof appealReceiptSchema>;

/** What the code shows: the entry as the board showed it, the outcome; never a phone. */
export const appealViewSchema = z.object({
  id: idSchema,
  entry: z.object({
    id: idSchema,
    list: z.enum(redblackLists),
    period: z.string(),
    subject: z.string(),
  }),
  status: z.enum(appealStatuses),
  createdAt: z.string(),
  dueBy: z.string(),
  outcome: z.optional(z.object({ at: z.string(), text: z.string() })),
});
export type AppealView = z.output<typeof appealViewSchema>;

export const appealStaffViewSchema = z.extend(z.omit(appealSchema, { codeHash: true }), {
  overdue: z.boolean(),
});
export type AppealStaffView = z.output<typeof appealStaffViewSchema>;

export const appealCodeInputSchema = z.object({ code: queryCodeSchema });

export const appealsQuerySchema = z.object({
  community: idSchema,
  status: z.optional(z.enum(appealStatuses)),
});

/** Staff's decision on an appeal. */
export const appealOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('upheld'),
    /** Public note of the change-log line (经复核撤销 when left out). */
    note: z.optional(noteText()),
    /** Correct the reason instead of withdrawing the entry. */
    correctedReason: z.optional(
      sizedText(5, ENTRY_REASON_MAX, 'entryReason.required', 'entryReason.tooLong'),
    ),
  }),
  z.object({ outcome: z.literal('dismissed'), reason: noteText() }),
]);
export type AppealOutcome = z.input<typeof appealOutcomeSchema>;
export const appealDecisionSchema = z.intersection(z.object({ id: idSchema }), appealOutcomeSchema);

export const redblackIdSchema = z.object({ id: idSchema });

/** The stored hash of an appeal code (申诉码), salted with its kind like the other codes. */
export const hashAppealCode = (code: string): string => hashQueryCode('redblack-appeal', code);

// ---- 和谐楼道: building scores per period ----

/** One rubric item's score: 0–10 in steps of 0.5. */
export const itemScoreSchema = z
  .number('score.invalid')
  .check(
    z.minimum(0, 'score.range'),
    z.maximum(SCORE_MAX, 'score.range'),
    z.multipleOf(SCORE_STEP, 'score.step'),
  );

/** Staff score one building for a period (every item of the community's rubric). */
export const buildingScoresInputSchema = z.object({
  community: idSchema,
  period: periodSchema,
  building: idSchema,
  /** By rubric item id. */
  scores: z.record(idSchema, itemScoreSchema, 'scores.invalid'),
});
export type BuildingScoresInput = z.input<typeof buildingScoresInputSchema>;

const scoreVersion = {
  scores: z.record(z.string(), z.number()),
  total: z.number(),
  /** The staff member who scored (never public). */
  scoredBy: idSchema,
  scoredAt: z.string(),
};

/** A building's score sheet for a period, as stored: re-scoring keeps the replaced versions. */
export const buildingScoreSheetSchema = z.object({
  community: idSchema,
  period: z.string(),
  building: idSchema,
  ...scoreVersion,
  /** The versions re-scoring replaced, oldest first (audit). */
  history: z.array(z.object(scoreVersion)),
});
export type BuildingScoreSheet = z.output<typeof buildingScoreSheetSchema>;

const scoreItemSchema = z.object({
  id: idSchema,
  name: z.string(),
  nameEn: z.optional(z.string()),
});

export const scoreSheetQuerySchema = z.object({ community: idSchema, period: periodSchema });

/** Staff: every building of a period with totals, ranks and the suggested candidates. */
export const scoreSheetSchema = z.object({
  community: idSchema,
  period: z.string(),
  periodLabel: z.string(),
  items: z.array(scoreItemSchema),
  /** Highest total: items × 10. */
  max: z.number(),
  redTop: z.int(),
  blackBelow: z.number(),
  rows: z.array(
    z.object({
      grid: idSchema,
      building: idSchema,
      name: z.string(),
      nameEn: z.optional(z.string()),
      /** Not yet scored this period: no scores, total or rank. */
      scores: z.optional(z.record(z.string(), z.number())),
      total: z.optional(z.number()),
      rank: z.optional(z.int()),
      /** The ranking's suggestion to the editor (红榜/黑榜 candidate). */
      suggestion: z.optional(z.enum(redblackLists)),
      scoredBy: z.optional(idSchema),
      scoredAt: z.optional(z.string()),
      /** How many times it was scored again (the replaced versions are kept). */
      rescored: z.int(),
    }),
  ),
  /** Buildings scored this period / all buildings. */
  scored: z.int(),
  /** Periods with scores, newest first. */
  periods: z.array(z.object({ key: z.string(), label: z.string() })),
});
export type ScoreSheet = z.output<typeof scoreSheetSchema>;

export const buildingScoresQuerySchema = z.object({
  community: idSchema,
  building: idSchema,
  /** Without it, the building's latest scored period. */
  period: z.optional(periodSchema),
});

/** Public: one building's scores for a period — building-level only, never who scored. */
export const publicBuildingScoresSchema = z.object({
  community: idSchema,
  building: idSchema,
  name: z.string(),
  nameEn: z.optional(z.string()),
  /** Absent when the building has no scores yet. */
  period: z.optional(z.string()),
  periodLabel: z.optional(z.string()),
  items: z.array(z.extend(scoreItemSchema, { score: z.number() })),
  total: z.optional(z.number()),
  max: z.optional(z.number()),
  rank: z.optional(z.int()),
  /** Buildings scored that period. */
  of: z.optional(z.int()),
  /** The building's scored periods, newest first (the archive). */
  periods: z.array(z.object({ key: z.string(), label: z.string(), total: z.number() })),
});
export type PublicBuildingScores = z.output<typeof publicBuildingScoresSchema>;
