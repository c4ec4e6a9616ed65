import { parseEvent } from '../event-kinds/parse-event.js';
import { withEventSchemas } from '../events/event-schema-loader.js';
import type { Finding } from '../findings/finding.js';
import { unservedReason } from '../routing/served-kinds.js';
import {
  type AckCandidate,
  createAcknowledgeStep,
} from './acknowledge-step.js';
import {
  createClaimFor,
  DEFAULT_CLAIM_WAIT,
  type WaitBudget,
} from './claim-for.js';
import { collapseRepeats } from './collapse-repeats.js';
import { report, waves } from './finding-report.js';
import { createFlushHeld } from './flush-held.js';
import { HELD_SOURCE, type HeldChunk, isHeldChunk } from './held-chunk.js';
import type { EventReport, FindingReport } from './outcome.js';
import type { PipelineDeps } from './pipeline-deps.js';
import { createProcessWave } from './wave.js';

/**
 * The notifier's core: event → findings → routes → dedup claim → message →
 * publish → confirm (or release). Expected outcomes are values; only the
 * handler decides what a failed delivery means for the invocation.
 */
export const createPipeline = (deps: PipelineDeps) => {
  const claimWait = deps.claimWait ?? DEFAULT_CLAIM_WAIT;
  const claimFor = createClaimFor({
    dedup: deps.dedup,
    now: deps.now,
    wait: claimWait,
  });
  const acknowledge = createAcknowledgeStep(deps);

  const processWave = createProcessWave(deps, claimFor);
  const flushHeld = createFlushHeld(deps);

  const runEvents = async (
    raws: readonly unknown[],
    queueArn: string | undefined
  ): Promise<EventReport[]> => {
    // zod and the event schemas load the first time an event is invalid.
    const parsed = await withEventSchemas(() =>
      raws.map((raw) => parseEvent(raw, deps.kinds))
    );
    const done: (EventReport | undefined)[] = parsed.map((event) => {
      if (event.kind !== 'findings') {
        return {
          meta: event.meta,
          outcome: event.kind,
          reason: event.reason,
          findings: [],
        };
      }
      const unserved =
        deps.servedKinds && unservedReason(event.findings, deps.servedKinds);
      return unserved
        ? {
            meta: event.meta,
            outcome: 'ignored',
            reason: unserved,
            findings: [],
          }
        : undefined;
    });
    const eventOf = new Map<Finding, number>();
    const reports: FindingReport[][] = parsed.map(() => []);
    const acks: AckCandidate[][] = parsed.map(() => []);
    const repeats: Finding[][] = parsed.map(() => []);
    const unique: Finding[] = [];
    parsed.forEach((event, index) => {
      if (event.kind !== 'findings' || done[index]) return;
      const collapsed = collapseRepeats(event.findings);
      for (const finding of collapsed.findings) {
        eventOf.set(finding, index);
        unique.push(finding);
      }
      repeats[index] = collapsed.repeats;
    });
    const budget: WaitBudget = { remainingMs: claimWait.maxWaitMs };
    const indexOf = (finding: Finding) => eventOf.get(finding) ?? 0;
    for (const wave of waves(unique)) {
      const results = await processWave(
        wave,
        budget,
        (finding) => acks[indexOf(finding)] ?? [],
        queueArn
      );
      results.forEach((result, position) => {
        const finding = wave[position];
        if (finding) reports[indexOf(finding)]?.push(result);
      });
    }
    const results: EventReport[] = [];
    for (const [index, event] of parsed.entries()) {
      const settled = done[index];
      if (settled || event.kind !== 'findings') {
        results.push(settled as EventReport);
        continue;
      }
      const findings = reports[index] ?? [];
      for (const repeat of repeats[index] ?? []) {
        findings.push(
          report(repeat, 'duplicate', 'repeated in the same event', [])
        );
      }
      const acknowledgements = await acknowledge(acks[index] ?? [], event.meta);
      results.push({
        meta: event.meta,
        outcome: 'processed',
        findings,
        ...(acknowledgements ? { acknowledgements } : {}),
        ...(event.rejected ? { rejected: event.rejected } : {}),
      });
    }
    return results;
  };

  /**
   * Processes events together, as one invocation: their findings are
   * claimed and published in shared waves (so a fleet's coverage changes
   * become one notice per route), and each event gets its own report. From
   * an SQS batch (`queueArn`), routes in a burst hold what they digest on
   * that queue, and held chunks back from it make their burst's digests.
   * Never throws for bad input.
   */
  const runBatch = async (
    raws: readonly unknown[],
    { queueArn }: { readonly queueArn?: string } = {}
  ): Promise<EventReport[]> => {
    const results: EventReport[] = new Array(raws.length);
    const events: number[] = [];
    const chunks: { index: number; chunk: HeldChunk }[] = [];
    const held = raws.some(isHeldChunk)
      ? (await import('./held-chunk-schema.js')).parseHeldChunk
      : undefined;
    raws.forEach((raw, index) => {
      if (!held || !isHeldChunk(raw)) {
        events.push(index);
        return;
      }
      const parsed = held(raw);
      if ('chunk' in parsed) chunks.push({ index, chunk: parsed.chunk });
      else
        results[index] = {
          meta: { source: HELD_SOURCE },
          outcome: 'rejected',
          reason: parsed.error,
          findings: [],
        };
    });
    const reports = await runEvents(
      events.map((index) => raws[index]),
      queueArn
    );
    events.forEach((index, position) => {
      results[index] = reports[position] as EventReport;
    });
    if (chunks.length > 0) {
      const flushed = await flushHeld(chunks.map((item) => item.chunk));
      chunks.forEach(({ index }, position) => {
        results[index] = flushed[position] as EventReport;
      });
    }
    return results;
  };

  return {
    /** Processes one EventBridge event; never throws for bad input. */
    run: async (raw: unknown): Promise<EventReport> => {
      const [result] = await runBatch([raw]);
      if (!result) throw new Error('runBatch returned no report');
      return result;
    },
    runBatch,
  };
};

export type Pipeline = ReturnType<typeof createPipeline>;
