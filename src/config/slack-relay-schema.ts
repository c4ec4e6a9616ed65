import * as z from 'zod';

/** A Secrets Manager secret: its name or its ARN. */
const SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
const SECRET_ARN =
  /^arn:(aws|aws-cn|aws-us-gov):secretsmanager:[a-z]{2}(-[a-z]+)+-\d:\d{12}:secret:[A-Za-z0-9/_+=.@-]{1,512}$/;

const webhookSecret = z.string().superRefine((value, context) => {
  if (/^https?:/i.test(value)) {
    context.addIssue({
      code: 'custom',
      message:
        'this looks like the webhook URL itself: store the URL in a Secrets Manager secret and give the secret name or ARN here (a config file is no place for a secret)',
    });
  } else if (!SECRET_NAME.test(value) && !SECRET_ARN.test(value)) {
    context.addIssue({
      code: 'custom',
      message:
        'expected a Secrets Manager secret name (e.g. findings-notifier/slack-network) or ARN',
    });
  }
});

/**
 * `slack` on a route: the Slack relay posts the route's messages (format
 * `slack`) to the incoming webhook whose URL is the value of this secret.
 */
export const RouteSlackSchema = z.strictObject({
  /** Secrets Manager secret (name or ARN) whose value is the webhook URL. */
  webhookSecret,
});

export type RouteSlack = z.output<typeof RouteSlackSchema>;
