/**
 * SNS errors a retry cannot fix: bad parameters, missing topics, access and
 * KMS key problems, batch shape errors. Everything else (throttling,
 * InternalError, KMSThrottling, timeouts, network errors) is transient.
 */
const PERMANENT = new Set([
  'InvalidParameter',
  'InvalidParameterException',
  'InvalidParameterValue',
  'InvalidParameterValueException',
  'NotFound',
  'NotFoundException',
  'AuthorizationError',
  'AuthorizationErrorException',
  'AccessDenied',
  'AccessDeniedException',
  'KMSAccessDenied',
  'KMSAccessDeniedException',
  'KMSDisabled',
  'KMSDisabledException',
  'KMSNotFound',
  'KMSNotFoundException',
  'KMSInvalidState',
  'KMSInvalidStateException',
  'KMSOptInRequired',
  'InvalidSecurity',
  'InvalidSecurityException',
  'ValidationException',
  'EndpointDisabled',
  'EndpointDisabledException',
  'PlatformApplicationDisabled',
  'PlatformApplicationDisabledException',
  'TooManyEntriesInBatchRequest',
  'TooManyEntriesInBatchRequestException',
  'BatchEntryIdsNotDistinct',
  'BatchEntryIdsNotDistinctException',
  'BatchRequestTooLong',
  'BatchRequestTooLongException',
  'EmptyBatchRequest',
  'EmptyBatchRequestException',
  'InvalidBatchEntryId',
  'InvalidBatchEntryIdException',
  // Thrown by the SDK itself while encoding the request (a lone surrogate
  // in the text): nothing was sent, and the same text fails the same way.
  'URIError',
]);

/** True when the SNS error code names a failure a retry cannot fix. */
export const isPermanentSnsError = (code: string): boolean =>
  PERMANENT.has(code);

/** The error code of an SDK error (its `name`), or `UnknownError`. */
export const errorCode = (error: unknown): string =>
  error instanceof Error && error.name ? error.name : 'UnknownError';
