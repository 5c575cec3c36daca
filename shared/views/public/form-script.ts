/**
 * The opinion form's one script, served from our origin so the pages' CSP
 * needs no 'unsafe-inline'. Only an improvement: without JavaScript the form
 * works the same. It greys the button while the post is under way, and puts
 * it back when the page comes back from the browser's back cache.
 */
export const formScript = `(function(){var f=document.forms[0];if(!f)return;var b=f.querySelector('button[type=submit]');if(!b)return;var t=b.textContent;f.addEventListener('submit',function(){setTimeout(function(){b.disabled=true;b.textContent='正在提交…'},0)});window.addEventListener('pageshow',function(){b.disabled=false;b.textContent=t})})();`;

export const formScriptPath = '/assets/form-v1.js';
