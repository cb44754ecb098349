// Copies the value of the input with the given id, and says so on the button; where the clipboard
// is not available (an http page that is not localhost) it selects the text for the user to copy.
function portcullisCopy(inputId, button) {
  var input = document.getElementById(inputId);
  var label = button.querySelector('.ui-button-text');
  function done(text) {
    if (label) { label.textContent = text; setTimeout(function () { label.textContent = 'Copy'; }, 2000); }
  }
  function select() { input.focus(); input.select(); done('Press Ctrl+C'); }
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(input.value).then(function () { done('Copied'); }, select);
  } else {
    select();
  }
}
