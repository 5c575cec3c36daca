import type { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { Layout } from '../views/layout';
import { page } from '../views/page';

type Doc = ReturnType<OpenAPIHono<AppEnv>['getOpenAPI31Document']>;

const css = `table{border-collapse:collapse;width:100%;font-size:.9rem;background:#fff}td,th{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
.m{font-weight:bold;text-transform:uppercase}main{max-width:70rem}`;

/** The OpenAPI 3.1 document, generated from the routes' zod schemas, and a reference page over it. */
export function docsRoutes(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'The token POST /api/auth/login returns',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'cookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'session',
    description: 'The console session cookie; writes also need the X-CSRF-Token header',
  });
  let doc: Doc | undefined;
  const document = () => {
    doc ??= app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: '先进性教育活动 意见征求与民主评议 API',
        version: '1.0.0',
        description: 'Console API of the opinion-collection and democratic-appraisal backend.',
      },
    });
    return doc;
  };

  return new Hono<AppEnv>()
    .get('/openapi.json', (c) => c.json(document()))
    .get('/docs', (c) => {
      const ops = Object.entries(document().paths ?? {}).flatMap(([path, item]) =>
        Object.entries(item ?? {})
          .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
          .map(([method, op]) => ({ path, method, op: op as { summary?: string; tags?: string[] } })),
      );
      return c.html(
        page(
          <Layout title="API 参考" css={css}>
            <h1>API 参考</h1>
            <p>
              机器可读文档：<a href="/openapi.json">/openapi.json</a>（OpenAPI 3.1）。先调用{' '}
              <code>POST /api/auth/login</code> 取得令牌，再以 <code>Authorization: Bearer …</code>{' '}
              调用其余接口。
            </p>
            <table>
              <thead>
                <tr>
                  <th>分类</th>
                  <th>方法</th>
                  <th>路径</th>
                  <th>说明</th>
                </tr>
              </thead>
              <tbody>
                {ops.map(({ path, method, op }) => (
                  <tr>
                    <td>{op.tags?.join(', ')}</td>
                    <td class="m">{method}</td>
                    <td>
                      <code>{path}</code>
                    </td>
                    <td>{op.summary}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Layout>,
        ),
      );
    });
}
