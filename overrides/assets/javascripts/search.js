// The search page: Pagefind's UI, started on the query in the address (?q=, from the header's
// form). Result links are made relative to the site's own root, so a site under /REPO/ works.
(function () {
  var element = document.getElementById("digest-search");
  if (!element || typeof PagefindUI === "undefined") return;
  var root = location.pathname.replace(/search\/(index\.html)?$/, "");
  var ui = new PagefindUI({
    element: "#digest-search",
    bundlePath: root + "pagefind/",
    baseUrl: root,
    showImages: false,
    showSubResults: true,
    resetStyles: false,
    autofocus: true,
  });
  // Pagefind's box is named by its title alone: give it a label a screen reader announces
  var name = function () {
    var input = element.querySelector("input");
    if (input) input.setAttribute("aria-label", "Search stories and figures");
    return !!input;
  };
  if (!name()) new MutationObserver(function (_, observer) { if (name()) observer.disconnect(); })
    .observe(element, { childList: true, subtree: true });
  var query = new URLSearchParams(location.search).get("q");
  if (query) {
    ui.triggerSearch(query);
    var box = document.getElementById("digest-search-q");
    if (box) box.value = query;
  }
})();
