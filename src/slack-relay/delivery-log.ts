/**
 * The SNS message ids this execution environment has posted, so an SNS
 * message delivered twice (SNS and SQS are at-least-once) or a record the
 * queue hands over again is posted once. Bounded: the oldest ids go first.
 */
export type DeliveryLog = {
  has(snsMessageId: string): boolean;
  add(snsMessageId: string): void;
};

export const createDeliveryLog = (capacity = 10_000): DeliveryLog => {
  const ids = new Set<string>();
  return {
    has: (id) => ids.has(id),
    add: (id) => {
      ids.add(id);
      if (ids.size > capacity) {
        const [oldest] = ids;
        if (oldest !== undefined) ids.delete(oldest);
      }
    },
  };
};
