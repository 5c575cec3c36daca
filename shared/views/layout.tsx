import type { Child } from 'hono/jsx';
import { baseCss } from './styles';

/** The HTML shell of every page: Chinese, mobile viewport, inline CSS only. */
export function Layout(props: { title: string; css?: string; children?: Child }) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{props.title}</title>
        <style dangerouslySetInnerHTML={{ __html: baseCss + (props.css ?? '') }} />
      </head>
      <body>
        <main>{props.children}</main>
      </body>
    </html>
  );
}
