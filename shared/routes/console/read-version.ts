import { field, numberField } from './page-context';

/**
 * The version a console form was read at, when it carries one (its hidden
 * `version` field): an edit from a stale page is then refused (409) and the
 * page shows what the item is now.
 */
export const readVersion = (form: Record<string, unknown>) =>
  field(form, 'version') ? { version: numberField(form, 'version') } : {};
