import { someRouteAcknowledges } from '../../src/acknowledge/acknowledger.js';
import { servedKinds } from '../../src/routing/served-kinds.js';
import { loadNotifierConfig, routeTopicArns } from '../notifier-config.js';

/**
 * The SAM parameters a config needs (the template cannot read the config):
 * the routes' topic ARNs, whether some route acknowledges findings, and
 * the item kinds routes ask for (rules of other kinds stay disabled).
 */
export const samParameters = (configFile: string): Record<string, string> => {
  const { config } = loadNotifierConfig(configFile);
  const served = servedKinds(config);
  return {
    TopicArns: routeTopicArns(config).join(','),
    AcknowledgeFindings: String(someRouteAcknowledges(config)),
    CoverageEvents: String(served.has('coverage')),
    ScanEvents: String(served.has('scan')),
    CustomActionEvents: String(served.has('custom-action')),
  };
};
