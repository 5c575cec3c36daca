import type { Child } from 'hono/jsx';
import { Layout } from '../layout';

// Small on purpose: the whole form page stays under 15 KB on a weak network.
const css = `*{box-sizing:border-box}body{margin:0;font:19px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#222;background:#f6f4f0}
main{max-width:36rem;margin:0 auto;padding:12px 14px 40px}h1{font-size:1.35em;color:#a61b1b;margin:.4em 0}h2{font-size:1.1em;margin:1em 0 .5em}
fieldset{border:0;background:#fff;border-radius:8px;margin:0 0 12px;padding:10px 12px}legend{font-weight:600;padding:0;float:left;width:100%;margin-bottom:4px}
.opt{display:flex;align-items:center;min-height:44px;gap:10px;clear:both}.opt input{width:22px;height:22px;margin:0}
.g{margin:6px 0 0;color:#666;font-size:.9em;clear:both}.t{display:block;font-weight:600;margin:12px 0 4px}
textarea,input:not([type]){width:100%;font:inherit;padding:10px;border:1px solid #bbb;border-radius:6px}
button{width:100%;min-height:52px;margin:16px 0 8px;font:inherit;font-weight:600;color:#fff;background:#a61b1b;border:0;border-radius:8px}
button:disabled{background:#999}.m{color:#666;font-size:.85em}.err{background:#fdecea;color:#8a1c1c;padding:8px 12px;border-radius:8px;overflow-wrap:anywhere}
.err a{color:#8a1c1c}fieldset.miss{outline:2px solid #d33;background:#fdecea}
.r{font-size:1.6em;font-weight:700;letter-spacing:.08em;font-family:monospace}`;

/** The shell of the masses' pages: Chinese, phone-first, their own small inline CSS, no outside assets. */
export function PublicLayout(props: { title: string; css?: string; script?: string; children?: Child }) {
  return (
    <Layout
      title={props.title}
      base={css}
      css={props.css ?? ''}
      {...(props.script ? { script: props.script } : {})}
    >
      {props.children}
    </Layout>
  );
}

/** What was wrong with a sent form, above the form: the notice (e.g. slow down) and each problem. */
export function FormProblems(props: {
  heading: string;
  errors: { path: string; message: string }[];
  notice?: string | undefined;
  /** Where on the page the question of an error's path is, to jump to it. */
  anchorOf?: (path: string) => string | undefined;
}) {
  return (
    <>
      {props.notice && <p class="err">{props.notice}</p>}
      {props.errors.length > 0 && (
        <div class="err">
          <p>{props.heading}</p>
          <ul>
            {props.errors.map((e) => {
              const anchor = props.anchorOf?.(e.path);
              return <li>{anchor ? <a href={`#${anchor}`}>{e.message}</a> : e.message}</li>;
            })}
          </ul>
        </div>
      )}
    </>
  );
}
