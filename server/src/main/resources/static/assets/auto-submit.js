// The region pickers submit their form when a choice changes. A script file rather than onchange attributes: the
// console's Content-Security-Policy allows scripts from the server only, never inline ones.
document.querySelectorAll('select.auto-submit').forEach(select =>
    select.addEventListener('change', () => select.form.submit()));
