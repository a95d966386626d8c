// Shared by the ladder viewer and the org explorer: inside a docs page (an iframe), follow the
// site's own light/dark switch (MkDocs Material's data-md-color-scheme, Furo's data-theme).
function ladderFollowDocsTheme(setTheme) {
  try {
    if (window.parent === window || !window.parent.document) return;
    var host = window.parent.document;
    var follow = function () {
      var scheme = host.body.getAttribute("data-md-color-scheme");
      var theme = host.body.getAttribute("data-theme") ||
                  host.documentElement.getAttribute("data-theme");
      if (scheme) setTheme(scheme === "slate" ? "dark" : "light");
      else if (theme === "dark" || theme === "light") setTheme(theme);
      else setTheme("auto");
    };
    follow();
    var watch = new MutationObserver(follow);
    var options = { attributes: true, attributeFilter: ["data-md-color-scheme", "data-theme"] };
    watch.observe(host.body, options);
    watch.observe(host.documentElement, options);
  } catch (error) { /* another origin: keep the reader's system setting */ }
}
