/**
 * The opinion form's one script, served from our origin so the pages' CSP
 * needs no 'unsafe-inline'. Only an improvement: without JavaScript the form
 * works the same. It greys the button while the post is under way, and puts
 * it back when the page comes back from the browser's back cache. On the
 * ballot page it counts the members graded so far (`#progress`). A page sent
 * back with problems (the answer to a post) takes its own address again
 * (`data-page`), so refreshing it loads the form instead of asking to resend.
 */
export const formScript = `(function(){var f=document.forms[0];if(!f)return;var h=f.getAttribute('data-page');if(h&&history.replaceState)history.replaceState(null,'',h);var b=f.querySelector('button[type=submit]');if(!b)return;var t=b.textContent;f.addEventListener('submit',function(){setTimeout(function(){b.disabled=true;b.textContent='正在提交…'},0)});window.addEventListener('pageshow',function(){b.disabled=false;b.textContent=t;p()});var g=document.getElementById('progress');function p(){if(!g)return;var pre=g.getAttribute('data-prefix'),n={};var rs=f.querySelectorAll('input[type=radio]');for(var i=0;i<rs.length;i++){var r=rs[i];if(r.name.indexOf(pre)===0&&r.checked)n[r.name]=1}g.textContent='已评定 '+Object.keys(n).length+' / '+g.getAttribute('data-total')+' 人'}f.addEventListener('change',p);p()})();`;

/** Versioned: a changed script gets a new name, so a cached old one is never used with a new page. */
export const formScriptPath = '/assets/form-v3.js';

/**
 * Whether a form page is the answer to a post sent back with problems: only
 * then does it carry `data-page`, so a page opened by its link keeps its own
 * history entry (and the browser's back cache) untouched.
 */
export const sentBack = (p: { errors: unknown[]; notice?: string | undefined }) =>
  p.errors.length > 0 || p.notice !== undefined;
