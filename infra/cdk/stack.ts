import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { acknowledgeNagFindings } from './nag.js';
import { FindingsNotifier } from './notifier.js';
import type { FindingsNotifierProps } from './notifier-props.js';

export type FindingsNotifierStackProps = StackProps & {
  readonly notifier: FindingsNotifierProps;
};

/** The deployable stack: the notifier and its cdk-nag acknowledgements. */
export class FindingsNotifierStack extends Stack {
  readonly notifier: FindingsNotifier;

  constructor(scope: Construct, id: string, props: FindingsNotifierStackProps) {
    super(scope, id, props);
    this.notifier = new FindingsNotifier(this, 'Notifier', props.notifier);
    acknowledgeNagFindings(this.notifier);
  }
}
