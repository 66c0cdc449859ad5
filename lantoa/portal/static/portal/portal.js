// htmx does not swap 4xx responses by default; the ask box answers "too long", "too many questions"
// with 400/429 and a Vietnamese message that the citizen must see in place.
document.body.addEventListener("htmx:beforeSwap", function (event) {
  var status = event.detail.xhr.status;
  if (status === 400 || status === 404 || status === 429) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
