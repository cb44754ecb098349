// Copy buttons: put a read-only field's text on the clipboard and say so beside the button.
window.portcullisCopy = function (button, fieldId) {
  const field = document.getElementById(fieldId);
  const status = button.parentElement.querySelector('.copy-status');
  const say = (text) => { if (status) { status.textContent = text; } };
  // Without clipboard access (an http page on another host), select the text for the user to copy.
  const selectInstead = () => { field.focus(); field.select(); say('Selected: press Ctrl+C (⌘C) to copy.'); };
  if (!field) {
    return false;
  }
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(field.value).then(() => say('Copied.'), selectInstead);
  } else {
    selectInstead();
  }
  return false;
};
