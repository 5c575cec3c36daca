/**
 * The one stylesheet, inlined into every page so nothing loads from outside
 * our origin. Large text and tap targets for older members; one column.
 */
export const baseCss = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:18px/1.6 -apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f1f1f;background:#f6f4f0}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;line-height:1.4;margin:.5rem 0 1rem;color:#a61b1b}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
p{margin:.5rem 0}
a{color:#a61b1b}
.card{background:#fff;border-radius:8px;padding:1rem;margin:0 0 1rem;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.muted{color:#666;font-size:.9rem}
.code{font-family:ui-monospace,Menlo,Consolas,monospace;letter-spacing:.05em}
`;
