import { someRouteAcknowledges } from '../../src/acknowledge/acknowledger.js';
import { loadNotifierConfig, routeTopicArns } from '../notifier-config.js';

/**
 * The SAM parameters a config needs (the template cannot read the config):
 * the routes' topic ARNs and whether some route acknowledges findings.
 */
export const samParameters = (configFile: string): Record<string, string> => {
  const { config } = loadNotifierConfig(configFile);
  return {
    TopicArns: routeTopicArns(config).join(','),
    AcknowledgeFindings: String(someRouteAcknowledges(config)),
  };
};
