// File fields with a size limit (data-max-bytes on an enclosing element): a larger file is refused
// before it is sent, since one over the server's request limit would fail with no message at all.
// The field's refusal command (data-refuse, a p:remoteCommand) puts the reason on the field, in the
// same words as for a file the server refused.
document.addEventListener('change', (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.files) {
    return;
  }
  const field = input.closest('[data-max-bytes]');
  const tooLarge = field && Array.from(input.files).find((file) => file.size > Number(field.dataset.maxBytes));
  if (tooLarge) {
    event.stopImmediatePropagation(); // before PrimeFaces starts the upload
    input.value = '';
    window[field.dataset.refuse]([{ name: 'fileName', value: tooLarge.name }]);
  }
}, true);
