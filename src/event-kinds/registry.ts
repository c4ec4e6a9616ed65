import type { EventKind } from './event-kind.js';
import {
  INSPECTOR2_FINDING,
  ONDEMAND_AMI_SCAN_FINDING,
} from './inspector2-finding.js';
import { SECURITY_HUB_IMPORTED } from './security-hub-imported.js';

/**
 * THE list of event kinds the notifier handles. Adding a kind is adding its
 * module here: the parser dispatches on this list, the CDK app and the SAM
 * checks deploy one rule per entry, replay wraps its bare findings, and the
 * tests read its sample folders.
 */
export const EVENT_KINDS: readonly EventKind[] = [
  INSPECTOR2_FINDING,
  ONDEMAND_AMI_SCAN_FINDING,
  SECURITY_HUB_IMPORTED,
];
