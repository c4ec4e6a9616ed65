import type { Config } from '../config/config-schema.js';
import type { DedupStore } from '../dedup/dedup-store.js';
import { FORMATTERS } from '../format/formatters.js';
import type { Publisher } from '../publish/publisher.js';
import { createRouter } from '../routing/router.js';
import { createPipeline } from './pipeline.js';

export type PipelinePorts = {
  readonly dedup: DedupStore;
  readonly publisher: Publisher;
  readonly now?: () => Date;
};

/** The pipeline for a validated config: the same assembly in Lambda and replay. */
export const buildPipeline = (config: Config, ports: PipelinePorts) =>
  createPipeline({
    router: createRouter(config),
    formatters: FORMATTERS,
    dedup: ports.dedup,
    publisher: ports.publisher,
    now: ports.now ?? (() => new Date()),
  });
