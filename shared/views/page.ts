import { html } from 'hono/html';
import type { Child } from 'hono/jsx';

/** A full HTML document for `c.html()`: the doctype keeps browsers out of quirks mode. */
export function page(node: Child) {
  return html`<!DOCTYPE html>${node}`;
}
