/**
 * Slack's documented Block Kit limits for a message (FORMATS.md §5, Slack's
 * block reference), checked independently of the project's formatter: the
 * fake Slack answers `invalid_blocks` when one is broken.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const textObject = (
  value: unknown,
  where: string,
  max: number,
  plainOnly = false
): string[] => {
  if (!isObject(value)) return [`${where}: not a text object`];
  const problems: string[] = [];
  if (value.type !== 'plain_text' && value.type !== 'mrkdwn')
    problems.push(`${where}.type: ${String(value.type)}`);
  if (plainOnly && value.type !== 'plain_text')
    problems.push(`${where}: must be plain_text`);
  if (typeof value.text !== 'string' || value.text.length === 0)
    problems.push(`${where}.text: empty`);
  else if (value.text.length > max)
    problems.push(`${where}.text: ${value.text.length} > ${max} characters`);
  if ('emoji' in value && value.type !== 'plain_text')
    problems.push(`${where}.emoji: only plain_text takes emoji`);
  return problems;
};

const button = (value: unknown, where: string): string[] => {
  if (!isObject(value) || value.type !== 'button')
    return [`${where}: not a button`];
  const problems = textObject(value.text, `${where}.text`, 75, true);
  if (typeof value.url === 'string' && value.url.length > 3000)
    problems.push(`${where}.url: > 3000`);
  if (typeof value.action_id === 'string' && value.action_id.length > 255)
    problems.push(`${where}.action_id: > 255`);
  if (typeof value.value === 'string' && value.value.length > 2000)
    problems.push(`${where}.value: > 2000`);
  return problems;
};

const block = (value: unknown, where: string): string[] => {
  if (!isObject(value)) return [`${where}: not an object`];
  const problems: string[] = [];
  if (typeof value.block_id === 'string' && value.block_id.length > 255)
    problems.push(`${where}.block_id: > 255`);
  switch (value.type) {
    case 'header':
      return [
        ...problems,
        ...textObject(value.text, `${where}.text`, 150, true),
      ];
    case 'section': {
      if (value.text === undefined && value.fields === undefined)
        problems.push(`${where}: needs text or fields`);
      if (value.text !== undefined)
        problems.push(...textObject(value.text, `${where}.text`, 3000));
      if (value.fields !== undefined) {
        if (
          !Array.isArray(value.fields) ||
          value.fields.length === 0 ||
          value.fields.length > 10
        )
          problems.push(`${where}.fields: 1-10 items`);
        else
          value.fields.forEach((field, index) => {
            problems.push(
              ...textObject(field, `${where}.fields[${index}]`, 2000)
            );
          });
      }
      return problems;
    }
    case 'context':
      if (
        !Array.isArray(value.elements) ||
        value.elements.length === 0 ||
        value.elements.length > 10
      )
        return [...problems, `${where}.elements: 1-10 items`];
      value.elements.forEach((element, index) => {
        problems.push(
          ...textObject(element, `${where}.elements[${index}]`, 3000)
        );
      });
      return problems;
    case 'actions':
      if (
        !Array.isArray(value.elements) ||
        value.elements.length === 0 ||
        value.elements.length > 25
      )
        return [...problems, `${where}.elements: 1-25 items`];
      value.elements.forEach((element, index) => {
        problems.push(...button(element, `${where}.elements[${index}]`));
      });
      return problems;
    case 'divider':
      return problems;
    default:
      return [
        ...problems,
        `${where}.type: unknown block type ${String(value.type)}`,
      ];
  }
};

/** Every broken limit of a message body; empty when Slack would take it. */
export const blockKitProblems = (body: unknown): string[] => {
  if (!isObject(body)) return ['(root): not a JSON object'];
  const problems: string[] = [];
  if (typeof body.text !== 'string' || body.text.length === 0)
    problems.push('text: the fallback text is missing');
  else if (body.text.length > 40_000) problems.push('text: > 40000 characters');
  if (body.blocks !== undefined) {
    if (!Array.isArray(body.blocks) || body.blocks.length > 50)
      problems.push('blocks: at most 50');
    else
      body.blocks.forEach((item, index) => {
        problems.push(...block(item, `blocks[${index}]`));
      });
  }
  return problems;
};
