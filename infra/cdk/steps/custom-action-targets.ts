import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import type { Construct } from 'constructs';
import type { Config } from '../../../src/config/config-schema.js';
import { servedKinds } from '../../../src/routing/served-kinds.js';

/** A Security Hub custom action ("Send to Slack") the construct creates. */
export type CustomActionTarget = {
  /** 1-20 letters and digits: the end of the action ARN (`action/custom/<id>`). */
  readonly id: string;
  /** At most 20 characters: what people choose in the console. */
  readonly name: string;
  readonly description: string;
};

const ID = /^[A-Za-z0-9]{1,20}$/;

const problemsOf = (target: CustomActionTarget): string[] => [
  ...(ID.test(target.id)
    ? []
    : [`id "${target.id}": use 1-20 letters and digits`]),
  ...(target.name.length >= 1 && target.name.length <= 20
    ? []
    : [`name "${target.name}": use 1-20 characters`]),
  ...(target.description.trim().length > 0
    ? []
    : [`description of "${target.id}": say what the action does`]),
];

/**
 * The Security Hub custom actions people choose in the console
 * (`AWS::SecurityHub::ActionTarget`). Their events reach the function
 * through the `SecurityHubCustomActions` rule, which the rules step deploys
 * when a route serves custom actions; creating actions that no route
 * serves would send their events nowhere, so it is refused at synth.
 */
export const customActionTargets = (
  scope: Construct,
  targets: readonly CustomActionTarget[],
  config: Config
): securityhub.CfnActionTarget[] => {
  if (targets.length === 0) return [];
  const problems = targets.flatMap(problemsOf);
  if (!servedKinds(config).has('custom-action')) {
    problems.push(
      'no route serves custom actions: add customAction (or kind: custom-action) to a route match'
    );
  }
  if (problems.length > 0) {
    throw new Error(`customActions: ${problems.join('; ')}`);
  }
  return targets.map(
    (target) =>
      new securityhub.CfnActionTarget(scope, `CustomAction${target.id}`, {
        id: target.id,
        name: target.name,
        description: target.description,
      })
  );
};
