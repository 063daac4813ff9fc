// Each report's decision form shows only the fields its chosen outcome uses; without script, all show.
document.querySelectorAll('form.decide').forEach(function (form) {
  var outcome = form.querySelector('select.outcome');
  function show() {
    form.querySelectorAll('label[data-for]').forEach(function (label) {
      var used = label.getAttribute('data-for') === outcome.value;
      label.hidden = !used;
      label.querySelector('input').disabled = !used;
    });
  }
  outcome.addEventListener('change', show);
  show();
});
