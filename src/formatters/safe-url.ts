/** Slack's limit for a button or link URL. */
export const URL_MAX = 3000;

/**
 * The URL when it is an `https` URL we are willing to link: no credentials,
 * a host name (not an IP literal) matching `allowedHosts` when given, at
 * most 3000 characters, and nothing that could close or split a Slack
 * `<url|text>` link (`<`, `>`, `|`, spaces, controls are percent-encoded or
 * refused), and no `&` (mrkdwn would want it escaped, and clients disagree on
 * decoding entities inside a link). Anything else gives `undefined`: the
 * text is shown, not linked.
 */
export const safeHttpsUrl = (
  raw: string | undefined,
  allowedHosts?: readonly string[]
): string | undefined => {
  if (!raw || raw.length > URL_MAX) return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password) {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  if (!/^(?=.*[a-z])[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) return undefined;
  if (
    allowedHosts &&
    !allowedHosts.some(
      (allowed) => host === allowed || host.endsWith(`.${allowed}`)
    )
  ) {
    return undefined;
  }
  const href = url.href.replace(/\|/g, '%7C');
  return /^[\x21-\x7e]+$/.test(href) &&
    !/[<>&]/.test(href) &&
    href.length <= URL_MAX
    ? href
    : undefined;
};
