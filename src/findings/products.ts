/** The product Inspector2 findings name, through either channel. */
export const INSPECTOR_PRODUCT = 'Inspector';

/**
 * Product names for `product/<company>/<product>` ARNs without
 * `ProductName`: the AWS integrations that send findings to Security Hub.
 */
export const PRODUCT_NAMES_BY_ARN: Readonly<Record<string, string>> = {
  inspector: INSPECTOR_PRODUCT,
  guardduty: 'GuardDuty',
  securityhub: 'Security Hub',
  'access-analyzer': 'IAM Access Analyzer',
  macie: 'Macie',
  'firewall-manager': 'Firewall Manager',
  'systems-manager-patch-manager': 'Systems Manager Patch Manager',
  config: 'Config',
  health: 'Health',
};

/** The product names the normalizers give AWS products. */
export const KNOWN_PRODUCTS: readonly string[] = [
  ...new Set(Object.values(PRODUCT_NAMES_BY_ARN)),
];

/**
 * One key per product name: case-insensitive, without the vendor prefix,
 * so `Amazon Inspector` (what messages print), `inspector` and `Inspector`
 * name one product.
 */
export const productKey = (name: string): string =>
  name
    .trim()
    .replace(/^(amazon|aws)\s+/i, '')
    .toLowerCase();
