import type { Child } from 'hono/jsx';
import { faviconPath } from './favicon';
import { baseCss } from './styles';

/**
 * The HTML shell of every page: Chinese, mobile viewport, inline CSS only.
 * `base` replaces the console's stylesheet (the masses' pages bring a smaller one).
 */
export function Layout(props: {
  title: string;
  css?: string;
  base?: string;
  /** A same-origin script file, deferred. */
  script?: string;
  children?: Child;
}) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="format-detection" content="telephone=no" />
        <title>{props.title}</title>
        <link rel="icon" href={faviconPath} type="image/svg+xml" />
        {props.script && <script src={props.script} defer />}
        <style dangerouslySetInnerHTML={{ __html: (props.base ?? baseCss) + (props.css ?? '') }} />
      </head>
      <body>
        <main>{props.children}</main>
      </body>
    </html>
  );
}
