// The header's search box. Without script it is a plain form that opens the search page; with
// script, Pagefind is loaded when the box gets focus and the results open on the page itself,
// above its content (no second page load), in a panel that Escape or its button closes.
(function () {
  var box = document.getElementById("digest-search-q");
  if (!box) return;
  var form = box.form;
  var root = new URL(form.getAttribute("action"), location.href).pathname.replace(/search\/?$/, "");
  var loading = null;
  var ui = null;
  var panel = null;

  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var css = document.createElement("link");
        css.rel = "stylesheet";
        css.href = root + "pagefind/pagefind-ui.css";
        document.head.appendChild(css);
        var script = document.createElement("script");
        script.src = root + "pagefind/pagefind-ui.js";
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function close() {
    if (panel) panel.hidden = true;
    box.focus();
  }

  function open(query) {
    if (!panel) {
      panel = document.createElement("section");
      panel.className = "digest-search-panel";
      panel.setAttribute("aria-label", "Search results");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "digest-search-panel__close md-button";
      button.textContent = "Close search";
      button.addEventListener("click", close);
      var results = document.createElement("div");
      results.id = "digest-search-results";
      var status = document.createElement("p");  // tells a screen reader the results opened
      status.className = "digest-sr-only";
      status.setAttribute("role", "status");
      panel.appendChild(status);
      panel.appendChild(button);
      panel.appendChild(results);
      panel.addEventListener("keydown", function (event) { if (event.key === "Escape") close(); });
      var content = document.querySelector(".md-content") || document.body;
      content.insertBefore(panel, content.firstChild);
      ui = new PagefindUI({
        element: "#digest-search-results", bundlePath: root + "pagefind/", baseUrl: root,
        showImages: false, showSubResults: true, resetStyles: false,
      });
      var input = results.querySelector("input");
      if (input) input.setAttribute("aria-label", "Search stories and figures");
    }
    panel.hidden = false;
    panel.querySelector("[role=status]").textContent = "Search results for " + query + ", above the page";
    ui.triggerSearch(query);
  }

  // Pagefind's own module (the UI imports the same one): started on focus, and asked to fetch
  // the index for the words as they are typed
  var pagefind = null;
  box.addEventListener("focus", function () {
    load().catch(function () {});
    if (!pagefind) {
      pagefind = import(root + "pagefind/pagefind.js").then(function (module) {
        return module.init().then(function () { return module; });
      }).catch(function () { return null; });
    }
  });
  box.addEventListener("input", function () {
    var words = box.value.trim();
    if (pagefind && words) pagefind.then(function (module) { if (module) module.preload(words); });
  });
  form.addEventListener("submit", function (event) {
    var query = box.value.trim();
    if (!query || document.getElementById("digest-search")) return;  // the search page runs its own
    event.preventDefault();
    load().then(function () { open(query); }, function () { form.submit(); });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && panel && !panel.hidden) close();
  });
})();
