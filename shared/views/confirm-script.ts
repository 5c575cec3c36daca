/**
 * The console's one script, served from our origin (the CSP runs no inline
 * script): a form with `data-confirm` asks before it is sent. Without
 * JavaScript the form is sent as it is; the action itself is still audited.
 */
export const consoleScript = `document.addEventListener('submit',function(e){var f=e.target;var m=f&&f.getAttribute&&f.getAttribute('data-confirm');if(m&&!window.confirm(m))e.preventDefault()},true);`;

export const consoleScriptPath = '/assets/confirm-v1.js';
