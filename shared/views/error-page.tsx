import { Layout } from './layout';

const titles: Record<number, string> = {
  400: '提交的内容有误',
  401: '请先登录',
  403: '没有权限',
  404: '页面不存在',
  409: '操作冲突',
  410: '已结束',
  413: '内容太长',
  429: '请稍后再试',
  500: '服务器出错了',
  503: '服务暂时不可用',
};

/** The Chinese page shown for an error when a browser asked for HTML. */
export function ErrorPage(props: { status: number; code?: string | undefined; message: string }) {
  const title = titles[props.status] ?? '出错了';
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <div class="card">
        <p>{props.message}</p>
        {props.code && <p class="muted">错误代码：{props.code}</p>}
      </div>
    </Layout>
  );
}
