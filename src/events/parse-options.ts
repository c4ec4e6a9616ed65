/**
 * How the notifier runs its zod schemas. zod 4 compiles a fast path for
 * each object schema (`new Function`) on its first parse; a Lambda
 * environment handles a few events before it is recycled, so that
 * compile never pays: measured on Node 24, the first Inspector2 finding
 * detail took 10.7 ms with it and 1.5 ms without, and warm parses were no
 * slower. Pass to every `safeParse` on the function's path.
 */
export const PARSE_OPTIONS = { jitless: true } as const;
