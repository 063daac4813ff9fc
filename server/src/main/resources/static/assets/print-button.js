// The pay code's print button. A script file rather than an onclick attribute: the console's Content-Security-Policy
// allows scripts from the server only, never inline ones.
document.getElementById('print-pay-code')?.addEventListener('click', () => window.print());
