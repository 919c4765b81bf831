// The embedded postcode box tells the page framing it how tall it is, so the partner's
// snippet (campaign/campaigns/embedding.py) can size the frame to show all of it at any
// width. Only a number is sent; the partner's page listens for messages from this frame.
(function () {
  "use strict";
  if (window.parent === window) {
    return;
  }
  var last = 0;
  function post() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ campaignEmbedHeight: height }, "*");
    }
  }
  if (window.ResizeObserver) {
    new ResizeObserver(post).observe(document.documentElement);
  }
  window.addEventListener("load", post);
  window.addEventListener("resize", post);
  post();
})();
