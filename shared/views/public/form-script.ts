/**
 * The opinion form's one script, served from our origin so the pages' CSP
 * needs no 'unsafe-inline'. Only an improvement: without JavaScript the form
 * works the same. It greys the button while the post is under way, and puts
 * it back when the page comes back from the browser's back cache. On the
 * ballot page it counts the members graded so far (`#progress`).
 */
export const formScript = `(function(){var f=document.forms[0];if(!f)return;var b=f.querySelector('button[type=submit]');if(!b)return;var t=b.textContent;f.addEventListener('submit',function(){setTimeout(function(){b.disabled=true;b.textContent='正在提交…'},0)});window.addEventListener('pageshow',function(){b.disabled=false;b.textContent=t;p()});var g=document.getElementById('progress');function p(){if(!g)return;var pre=g.getAttribute('data-prefix'),n={};var rs=f.querySelectorAll('input[type=radio]');for(var i=0;i<rs.length;i++){var r=rs[i];if(r.name.indexOf(pre)===0&&r.checked)n[r.name]=1}g.textContent='已评定 '+Object.keys(n).length+' / '+g.getAttribute('data-total')+' 人'}f.addEventListener('change',p);p()})();`;

/** Versioned: a changed script gets a new name, so a cached old one is never used with a new page. */
export const formScriptPath = '/assets/form-v2.js';
