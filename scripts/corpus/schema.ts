/** The format of a corpus file, test/corpus/tables/<id>.json (see test/corpus/README.md). */
import { z } from "zod";

const A1 = /^[A-Z]{1,3}[1-9][0-9]*$/;

export const CorpusLabelSchema = z
  .object({
    cell: z.string().optional(),
    cells: z.array(z.string().regex(A1)).optional(),
    rule: z.string().min(1),
    expect: z.enum(["fire", "quiet"]),
    why: z.string().optional(),
    says: z.array(z.string()).optional(),
    mustNotSay: z.array(z.string()).optional(),
    review: z.string().optional(),
  })
  .refine((l) => (l.cell !== undefined) !== (l.cells !== undefined), "a label has either cell or cells")
  .refine((l) => l.cell === undefined || l.cell === "*" || A1.test(l.cell), "cell is an A1 address or *");
export type CorpusLabel = z.infer<typeof CorpusLabelSchema>;

export const CorpusTableSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  kind: z.enum(["project", "department"]),
  source: z.object({
    url: z.string().url(),
    publisher: z.string().min(1),
    title: z.string().min(1),
    province: z.string().min(1),
    year: z.number().int().min(2010).max(2030),
    official: z.boolean(),
    template: z.string().min(1),
    transcription: z.string().optional(),
  }),
  sheet: z.string().min(1).max(31),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))).min(1),
  merges: z.array(z.string().regex(/^[A-Z]{1,3}[1-9][0-9]*:[A-Z]{1,3}[1-9][0-9]*$/)).default([]),
  formats: z.record(z.string().regex(A1), z.string()).default({}),
  labels: z.array(CorpusLabelSchema),
});
export type CorpusTable = z.infer<typeof CorpusTableSchema>;
