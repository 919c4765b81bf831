// A little help for keyboard and screen-reader users; every page works without it.
// Loaded as an external file (with defer) so a Content-Security-Policy needs no inline script.
(function () {
  "use strict";

  // When a form comes back with errors, start where the errors are listed: role="alert"
  // has the summary read out, and focus puts the links to each field next in tab order.
  var summary = document.getElementById("error-summary");
  if (!summary) {
    return;
  }
  summary.focus();

  // Following a link like #postcode only scrolls; focus the field itself, with its label
  // and error in view, so the person can type the correction straight away.
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    var field = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!field) {
      return;
    }
    event.preventDefault();
    var group = field.closest(".field, fieldset") || field;
    group.scrollIntoView();
    (field.matches("input, textarea, select") ? field : field.querySelector("input, textarea, select") || field).focus({ preventScroll: true });
  });
})();

// "Copy the letter": a button that copies a text block where scripts run. Without
// scripts the button stays hidden and the block itself is there to select and copy.
(function () {
  "use strict";
  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy-target"));
    if (!source || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent).then(function () {
        var status = document.getElementById(button.getAttribute("data-copy-status"));
        if (status) {
          status.textContent = "Copied. Paste it into a new email to the address above.";
        }
      });
    });
  });
})();

// Character counts under the long text boxes (data-limit). The boxes have no maxlength:
// a browser would cut a long paste short without a word, so the server says what is
// too long instead and keeps every character. This shows it coming, as GOV.UK's does.
(function () {
  "use strict";
  document.querySelectorAll("textarea[data-limit]").forEach(function (box) {
    var limit = parseInt(box.getAttribute("data-limit"), 10);
    var count = document.createElement("p");
    count.className = "hint character-count";
    count.id = box.id + "-count";
    box.insertAdjacentElement("afterend", count);
    // Screen readers hear the count once typing pauses, not at every key.
    var spoken = document.createElement("p");
    spoken.className = "visually-hidden";
    spoken.setAttribute("aria-live", "polite");
    count.insertAdjacentElement("afterend", spoken);
    var timer = null;
    function show() {
      var left = limit - box.value.length;
      count.textContent = left >= 0
        ? "You have " + left.toLocaleString("en-GB") + " character" + (left === 1 ? "" : "s") + " left"
        : "You have " + (-left).toLocaleString("en-GB") + " character" + (left === -1 ? "" : "s") + " too many";
      count.classList.toggle("character-count-over", left < 0);
    }
    box.addEventListener("input", function () {
      show();
      clearTimeout(timer);
      timer = setTimeout(function () { spoken.textContent = count.textContent; }, 1000);
    });
    show();
  });
})();

// A new campaign's web address follows its title as it is typed ("Clean Rivers!" gives
// clean-rivers), until staff type an address of their own. The same rule runs on the
// server (campaign.staff.editing.suggested_slug) when the address is left empty.
(function () {
  "use strict";
  var form = document.querySelector("form[data-slug-from]");
  var title = form && form.querySelector("#" + form.getAttribute("data-slug-from"));
  var slug = form && form.querySelector("#slug");
  if (!title || !slug) {
    return;
  }
  function suggest(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/['\u2019]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "")
      .slice(0, 80).replace(/-+$/, "");
  }
  var following = slug.value === "" || slug.value === suggest(title.value);
  slug.addEventListener("input", function () {
    following = slug.value === "";
  });
  title.addEventListener("input", function () {
    if (following) {
      slug.value = suggest(title.value);
    }
  });
})();
