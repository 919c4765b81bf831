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
          // The page's language gives the sentence (data-copied); English without it.
          status.textContent = button.getAttribute("data-copied")
            || "Copied. Paste it into a new email to the address above.";
        }
      });
    });
  });
})();

// Nothing typed is lost to Back or reload. The letter form keeps what is typed in this
// tab's sessionStorage: in the writer's own browser, never sent to us, gone when the tab
// closes, and cleared once the letter is downloaded or emailed. What is kept is keyed to
// the lookup the form came from (its postcode and seed), and only the writer's own
// words and details come back: their name, address, contact, note, ticks and the
// paragraphs they changed. Never a postcode, an MP or a language: those are the
// server's, so a fresh lookup (another postcode, written for a relative) always wins,
// and a paragraph the writer changed survives a switch to Cymraeg or English while
// the ones they left alone take the page's language.
// Runs before the character counts below, so they count what was put back.
(function () {
  "use strict";
  var store;
  try {
    store = window.sessionStorage;
    store.getItem("probe");
  } catch (error) {
    return; // storage switched off: the form works as it always did
  }
  var form = document.querySelector("form[data-keep-letter]");

  // What this tab keeps of a campaign's letter forms: one entry per lookup, named
  // "letter-form:<slug>:<postcode>:<seed>".
  function keptKeys(slug) {
    var prefix = "letter-form:" + slug + ":";
    var keys = [];
    for (var i = 0; i < store.length; i += 1) {
      var name = store.key(i);
      if (name && name.indexOf(prefix) === 0) {
        keys.push(name);
      }
    }
    return keys;
  }

  // A seed as the server draws them (letters.phrasings.new_seed), 53 bits of it: an
  // integer a double holds exactly, written in digits.
  function newSeed() {
    var words = new Uint32Array(2);
    if (window.crypto && window.crypto.getRandomValues) {
      window.crypto.getRandomValues(words);
    } else {
      words[0] = Math.floor(Math.random() * 4294967296);
      words[1] = Math.floor(Math.random() * 4294967296);
    }
    return String((words[0] % 2097152) * 4294967296 + words[1]);
  }
  document.querySelectorAll("form[data-forget-letter]").forEach(function (done) {
    done.addEventListener("submit", function () {
      keptKeys(done.getAttribute("data-forget-letter")).forEach(function (name) {
        store.removeItem(name);
      });
    });
  });
  // The campaign page's postcode form (a GET of the letter form's own address) sends
  // the seed the page was written with. A page come back to (Back, the browser's
  // cache) still holds a seed this tab has looked up already: a new lookup from it
  // draws another, so it starts a fresh form (as each POST to /mp once did) and what
  // was kept stays with the earlier lookup's own history entry.
  document.querySelectorAll("form[data-fresh-lookup]").forEach(function (finder) {
    finder.addEventListener("submit", function () {
      var seed = finder.elements.namedItem("seed");
      var used = seed && keptKeys(finder.getAttribute("data-fresh-lookup")).some(
        function (name) { return name.slice(-(seed.value.length + 1)) === ":" + seed.value; });
      if (used) {
        seed.value = newSeed();
      }
    });
  });
  if (!form) {
    return;
  }
  var lookup = form.getAttribute("data-lookup");
  if (!lookup) {
    return; // a form with no MP found yet: nothing to key it to
  }
  var key = "letter-form:" + form.getAttribute("data-keep-letter") + ":" + lookup;
  // The server's, never put back from storage.
  var serverOwn = /^(postcode|seed|looked_up|csrf_token)$/;
  var paragraph = /^para-/;

  function fields() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && !serverOwn.test(el.name) && el.type !== "submit"
        && el.type !== "button" && !/^reset-/.test(el.name);
    });
  }

  function save() {
    var values = {};
    fields().forEach(function (el) {
      if (el.type === "checkbox") {
        values[el.name] = values[el.name] || [];
        if (el.checked) {
          values[el.name].push(el.value);
        }
      } else if (!paragraph.test(el.name) || el.value !== el.defaultValue
                 || el.hasAttribute("data-edited")) {
        // A paragraph is kept only once the writer has changed it (here, or before the
        // server sent the form back: data-edited): the suggestion itself is the page's,
        // in the page's language.
        values[el.name] = el.value;
      }
    });
    try {
      store.setItem(key, JSON.stringify(values));
    } catch (error) { /* full or refused: nothing to do */ }
  }

  function restore() {
    var saved;
    try {
      saved = JSON.parse(store.getItem(key) || "null");
    } catch (error) {
      saved = null;
    }
    if (!saved) {
      return;
    }
    fields().forEach(function (el) {
      if (!(el.name in saved)) {
        return;
      }
      if (el.type === "checkbox") {
        el.checked = saved[el.name].indexOf(el.value) !== -1;
      } else {
        el.value = saved[el.name];
      }
      // A paragraph the writer changed shows open, as the server shows it.
      if (el.tagName === "TEXTAREA" && el.value !== el.defaultValue) {
        var details = el.closest("details");
        if (details) {
          details.open = true;
        }
      }
    });
  }

  if (form.hasAttribute("data-restore")) {
    restore();
  } else if (form.getAttribute("data-address") && window.history.replaceState) {
    // This form answered a POST (a validation error, "Change something", another MP):
    // give its history entry the form's own address, so Back to it later is a GET that
    // comes back filled in, not the browser's "Confirm Form Resubmission".
    window.history.replaceState(window.history.state, "", form.getAttribute("data-address"));
  }
  save();
  form.addEventListener("input", save);
  form.addEventListener("change", save);
  form.addEventListener("submit", save);
})();

// After the download, what to do next. A download form with data-then fetches the file,
// hands it to the browser as a download, then moves on to the data-then page (printing,
// posting, the reference) with the same signed letter. Anything but a file (an expired
// preview, a limit) is sent as a plain form, so its page shows. Without scripts (or
// without event.submitter) the form downloads the file as always and the page stays.
(function () {
  "use strict";
  if (!window.fetch || !window.FormData || !window.URL || !URL.createObjectURL) {
    return;
  }
  function hiddenInput(form, name, value) {
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.appendChild(input);
  }
  document.querySelectorAll("form[data-then]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button || !button.name) {
        return;
      }
      event.preventDefault();
      var data = new FormData(form);
      data.append(button.name, button.value);
      function plainSubmit() {
        hiddenInput(form, button.name, button.value);
        HTMLFormElement.prototype.submit.call(form);
      }
      fetch(form.action, { method: "POST", body: data, credentials: "same-origin" })
        .then(function (response) {
          var disposition = response.headers.get("Content-Disposition") || "";
          var name = /filename="?([^";]+)"?/.exec(disposition);
          if (!response.ok || !name) {
            plainSubmit();
            return null;
          }
          return response.blob().then(function (blob) {
            var link = document.createElement("a");
            link.href = URL.createObjectURL(blob);
            link.download = name[1];
            link.hidden = true;
            document.body.appendChild(link);
            link.click();
            var next = document.createElement("form");
            next.method = "post";
            next.action = form.getAttribute("data-then");
            next.hidden = true;
            ["csrf_token", "letter"].forEach(function (field) {
              hiddenInput(next, field, form.elements[field].value);
            });
            hiddenInput(next, button.name, button.value);
            document.body.appendChild(next);
            // A moment for the browser to take the file before the page moves on.
            setTimeout(function () { next.submit(); }, 400);
          });
        })
        .catch(plainSubmit);
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
    // The page's language gives the sentences ({num} for the number, one form for 1 and
    // one for any other number: data-count-left, -left-one, -over, -over-one); English
    // without them.
    function said(name, number, english) {
      var words = box.getAttribute("data-count-" + name + (number === 1 ? "-one" : ""));
      var shown = number.toLocaleString(document.documentElement.lang || "en-GB");
      return words ? words.replace("{num}", shown) : english.replace("{num}", shown);
    }
    function show() {
      var left = limit - box.value.length;
      count.textContent = left >= 0
        ? said("left", left, "You have {num} character" + (left === 1 ? "" : "s") + " left")
        : said("over", -left, "You have {num} character" + (left === -1 ? "" : "s") + " too many");
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
