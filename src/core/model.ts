/**
 * The PIP plan model — all seven stages — defined once with zod.
 * The TypeScript types, the runtime schema check of a JSON plan file and
 * `schema/plan.schema.json` (npm run schema) all come from these definitions.
 *
 * Conventions: dates are ISO calendar dates `YYYY-MM-DD` (impossible dates such as 2027-02-29 pass the
 * schema's shape check and are reported by `validatePlan` with their place); weights and thresholds are
 * fractions (0.5 = 50 %); optional text is "" rather than absent, optional numbers and dates are null.
 */
import { z } from "zod";
import { LANGUAGES, type Language } from "../i18n/language";

// The languages are declared once, in src/i18n (it imports nothing of ours); the model re-exports them.
export { LANGUAGES, type Language };

export const SCHEMA_VERSION = 1;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");
const optionalDate = isoDate.nullable().default(null);
const text = z.string().default("");
const optionalNumber = z.number().nullable().default(null);

export const CADENCES = ["weekly", "biweekly", "monthly"] as const;
export const SCENARIOS = ["post-review", "role-change", "self-development", "early-warning"] as const;
export const DIRECTIONS = ["increase", "decrease"] as const;
export const AGGREGATIONS = ["sum", "average", "latest"] as const;
export const METHODS = ["ratio", "progress"] as const;
export const FACTORS = ["personal", "external"] as const;
/** The fishbone (Ishikawa) categories, the classic 6M. */
export const FISHBONE = ["people", "method", "machine", "material", "measurement", "environment"] as const;
export const OWNER_ROLES = ["employee", "manager", "department"] as const;
export const ACTION_STATUSES = ["not-started", "in-progress", "done", "cancelled"] as const;
export const SIGNER_ROLES = ["employee", "manager", "hr"] as const;
export const OUTCOMES = ["met", "partially-met", "not-met"] as const;
export const DECISIONS = ["archive", "extend", "adjust", "other"] as const;

export type Cadence = (typeof CADENCES)[number];
export type Scenario = (typeof SCENARIOS)[number];
export type Direction = (typeof DIRECTIONS)[number];
export type Aggregation = (typeof AGGREGATIONS)[number];
export type Method = (typeof METHODS)[number];
export type Factor = (typeof FACTORS)[number];
export type FishboneCategory = (typeof FISHBONE)[number];
export type OwnerRole = (typeof OWNER_ROLES)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type SignerRole = (typeof SIGNER_ROLES)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type Decision = (typeof DECISIONS)[number];

/** Stage 1: who, when, why. */
export const planHeaderSchema = z.object({
  title: text,
  employeeName: z.string(),
  employeeId: z.string(),
  department: text,
  position: text,
  manager: z.string(),
  hrPartner: text,
  planStart: isoDate,
  planEnd: isoDate,
  cadence: z.enum(CADENCES),
  scenario: z.enum(SCENARIOS),
  /** Language of the workbook's sheet names and headers; the task pane may show another. */
  language: z.enum(LANGUAGES).default("zh-CN"),
});

/** Stage 1: the objective data behind the problem (e.g. Q1 sales 32 of 50 万元). */
export const performanceGapSchema = z.object({
  metric: z.string(),
  period: text,
  target: z.number(),
  actual: z.number(),
  unit: text,
  direction: z.enum(DIRECTIONS).default("increase"),
  benchmark: optionalNumber,
  description: text,
});

/** Stage 1: a SMART goal. */
export const goalSchema = z.object({
  id: z.string(),
  title: z.string(),
  metric: text,
  unit: text,
  baseline: z.number(),
  target: z.number(),
  direction: z.enum(DIRECTIONS),
  aggregation: z.enum(AGGREGATIONS),
  /** Fraction of the overall attainment; all goals' weights sum to 1. */
  weight: z.number(),
  dueDate: optionalDate,
  method: z.enum(METHODS).default("ratio"),
});

/** Stage 2: a root cause, with the 5W2H questions. */
export const rootCauseSchema = z.object({
  id: z.string(),
  goalId: z.string(),
  factor: z.enum(FACTORS),
  category: z.enum(FISHBONE).nullable().default(null),
  description: z.string(),
  why: text,
  what: text,
  where: text,
  when: text,
  who: text,
  how: text,
  howMuch: text,
});

/** Stage 3: a dated measure with an owner and a completion criterion. */
export const actionSchema = z.object({
  id: z.string(),
  goalId: z.string(),
  causeId: text,
  measure: z.string(),
  owner: text,
  ownerRole: z.enum(OWNER_ROLES).default("employee"),
  start: isoDate,
  end: isoDate,
  completionCriterion: text,
  resources: text,
  status: z.enum(ACTION_STATUSES).default("not-started"),
});

/** Stage 4: a resource someone provides by a date. */
export const resourceSchema = z.object({
  what: z.string(),
  provider: text,
  due: optionalDate,
  delivered: z.boolean().default(false),
});

/** Stage 4: who does what. */
export const responsibilitySchema = z.object({
  role: z.enum(OWNER_ROLES),
  name: text,
  duties: text,
});

/** Stage 5: one signature line. The employee's signature confirms receipt, not agreement. */
export const signOffSchema = z.object({
  role: z.enum(SIGNER_ROLES),
  name: text,
  date: optionalDate,
  comment: text,
});

/** Stage 6: one check-in value for one goal. */
export const trackingEntrySchema = z.object({
  date: isoDate,
  goalId: z.string(),
  actual: z.number(),
  note: text,
  coachFeedback: text,
  enteredBy: text,
});

/** Stage 6: a change to the plan while it runs. */
export const adjustmentSchema = z.object({
  date: isoDate,
  change: z.string(),
  reason: text,
  approvedBy: text,
});

/** Stage 7: the decision at the end. */
export const evaluationSchema = z.object({
  date: optionalDate,
  outcome: z.enum(OUTCOMES).nullable().default(null),
  decision: z.enum(DECISIONS).nullable().default(null),
  measuresToStandardise: text,
  reasons: text,
  extensionEnd: optionalDate,
  notes: text,
});

/** Thresholds for status and outcome (fractions). */
/** The status thresholds a plan takes when it sets none (DOMAIN.md) — the one copy; schema, analysis, validation,
 * reader and a new plan's draft all take it from here. */
export const DEFAULT_THRESHOLDS: Readonly<{ onTrack: number; atRisk: number; met: number; partiallyMet: number }> = Object.freeze({
  onTrack: 0.9,
  atRisk: 0.7,
  met: 1,
  partiallyMet: 0.8,
});

export const thresholdsSchema = z.object({
  /** pace ≥ onTrack → on track */
  onTrack: z.number().default(DEFAULT_THRESHOLDS.onTrack),
  /** pace ≥ atRisk → at risk, below → off track */
  atRisk: z.number().default(DEFAULT_THRESHOLDS.atRisk),
  /** overall attainment ≥ met → met */
  met: z.number().default(DEFAULT_THRESHOLDS.met),
  /** overall attainment ≥ partiallyMet → partially met, below → not met */
  partiallyMet: z.number().default(DEFAULT_THRESHOLDS.partiallyMet),
});

export const planSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  header: planHeaderSchema,
  gaps: z.array(performanceGapSchema).default([]),
  goals: z.array(goalSchema).default([]),
  causes: z.array(rootCauseSchema).default([]),
  actions: z.array(actionSchema).default([]),
  resources: z.array(resourceSchema).default([]),
  responsibilities: z.array(responsibilitySchema).default([]),
  signOff: z.array(signOffSchema).default([]),
  tracking: z.array(trackingEntrySchema).default([]),
  adjustments: z.array(adjustmentSchema).default([]),
  evaluation: evaluationSchema.default({
    date: null,
    outcome: null,
    decision: null,
    measuresToStandardise: "",
    reasons: "",
    extensionEnd: null,
    notes: "",
  }),
  thresholds: thresholdsSchema.default(() => ({ ...DEFAULT_THRESHOLDS })),
});

export type PlanHeader = z.infer<typeof planHeaderSchema>;
export type PerformanceGap = z.infer<typeof performanceGapSchema>;
export type Goal = z.infer<typeof goalSchema>;
export type RootCause = z.infer<typeof rootCauseSchema>;
export type Action = z.infer<typeof actionSchema>;
export type Resource = z.infer<typeof resourceSchema>;
export type Responsibility = z.infer<typeof responsibilitySchema>;
export type SignOffEntry = z.infer<typeof signOffSchema>;
export type TrackingEntry = z.infer<typeof trackingEntrySchema>;
export type Adjustment = z.infer<typeof adjustmentSchema>;
export type Evaluation = z.infer<typeof evaluationSchema>;
export type Thresholds = z.infer<typeof thresholdsSchema>;
export type Plan = z.infer<typeof planSchema>;
/** A plan as written in a JSON file, before defaults are filled in. */
export type PlanInput = z.input<typeof planSchema>;

/** The entity names used in finding locations and by the workbook layout. */
export type EntityName =
  | "header"
  | "gaps"
  | "goals"
  | "causes"
  | "actions"
  | "resources"
  | "responsibilities"
  | "signOff"
  | "tracking"
  | "adjustments"
  | "evaluation"
  | "thresholds";
