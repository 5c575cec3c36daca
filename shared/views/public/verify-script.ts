/**
 * The `/v` page's script: checks a disclosure in the phone's browser with
 * WebCrypto, as `npm run verify` does (shared/ops/verify.ts): the content's
 * SHA-256 from the JSON, the page showing it, the publication log walked from
 * its first entry, the disclosure's own entry, and a copied head if given.
 * Canonical JSON as `shared/domain/canonical-json.ts` writes it: keys sorted
 * at every level, undefined left out. Same origin only.
 */
export const verifyScript = `(function(){var f=document.getElementById('vf');var out=document.getElementById('vr');if(!f||!out||!window.crypto||!crypto.subtle)return;
function cj(v){if(Array.isArray(v))return '['+v.map(cj).join(',')+']';if(v&&typeof v==='object'){return '{'+Object.keys(v).filter(function(k){return v[k]!==undefined}).sort().map(function(k){return JSON.stringify(k)+':'+cj(v[k])}).join(',')+'}'}return JSON.stringify(v)}
function sha(v){return crypto.subtle.digest('SHA-256',new TextEncoder().encode(cj(v))).then(function(b){return Array.prototype.map.call(new Uint8Array(b),function(x){return ('0'+x.toString(16)).slice(-2)}).join('')})}
function line(ok,t){var li=document.createElement('li');li.textContent=(ok?'✓ ':'✗ ')+t;li.className=ok?'ok':'bad';out.appendChild(li);return ok}
function get(u,j){return fetch(u).then(function(r){if(!r.ok)throw new Error(u+' '+r.status);return j?r.json():r.text()})}
f.addEventListener('submit',function(e){e.preventDefault();out.textContent='';var m=(f.l.value||'').match(/([A-Za-z0-9_-]{22})\\s*$/);var head=(f.head.value||'').trim().toLowerCase();if(!m){line(false,'请填写公示页的链接');return}var token=m[1],body,computed,entries;
get('/api/public/disclosures/'+token,true).then(function(b){body=b;return sha(b.published)}).then(function(h){computed=h;if(!line(h===body.sha256,'内容哈希 '+h))throw 0;return get('/p/'+token,false)}).then(function(page){if(!line(page.indexOf(computed)>=0,'公示页显示的哈希与内容一致'))throw 0;if(!body.log){line(false,'没有公示记录可以核对');throw 0}return get('/api/public/publication-log/'+encodeURIComponent(body.log.campaignId),true)}).then(function(log){entries=log.entries;var prev='0'.repeat(64),i=0;function next(){if(i>=entries.length)return Promise.resolve(true);var e=entries[i],seq=i+1,rest={};Object.keys(e).forEach(function(k){if(k!=='hash')rest[k]=e[k]});if(e.seq!==seq){line(false,'公示记录第'+seq+'条编号不对');return Promise.resolve(false)}if(e.prevHash!==prev){line(false,'公示记录第'+seq+'条与上一条接不上');return Promise.resolve(false)}return sha(rest).then(function(h){if(h!==e.hash){line(false,'公示记录第'+seq+'条内容被改动（哈希不符）');return false}prev=e.hash;i++;return next()})}return next()}).then(function(ok){if(!ok)throw 0;var last=entries[entries.length-1];if(!line(last&&last.hash===body.log.head.hash,'公示记录共 '+entries.length+' 条，首尾相接'))throw 0;var own=entries.filter(function(e){return e.seq===body.log.seq})[0];if(!line(own&&own.contentSha256===computed&&own.token===token,'第'+body.log.seq+'条记的正是这份公示'))throw 0;if(head){var seen=entries.filter(function(e){return e.hash===head})[0];if(!line(!!seen,'抄下的哈希'+(seen?'是第'+seen.seq+'条':'不在公示记录中')))throw 0}line(true,'核对一致')}).catch(function(err){if(err)line(false,'无法读取：'+(err.message||err))})})})();`;

/** Versioned: a changed script gets a new name. */
export const verifyScriptPath = '/assets/verify-v1.js';
