// A copy button on every evidence citation (the "引用 Cite" box under a passage): one click
// puts the citation (title, publisher, date, paragraph URL) on the clipboard as plain text.
(() => {
  "use strict";
  function addButtons() {
    for (const box of document.querySelectorAll("details.quote")) {
      const citation = box.querySelector("p");
      if (!citation || box.querySelector(".cite-copy")) continue;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "md-button cite-copy";
      button.textContent = "复制 Copy";
      button.setAttribute("aria-label", "复制引用 Copy the citation");
      button.addEventListener("click", async () => {
        try {
          await navigator.clipboard.writeText(citation.textContent.trim());
          button.textContent = "已复制 Copied";
        } catch (error) {
          // No clipboard (an insecure origin, a refused permission): select the text instead,
          // so the reader can copy it by hand.
          getSelection().selectAllChildren(citation);
          button.textContent = "请手动复制 Select and copy";
        }
      });
      citation.after(button);
    }
  }
  if (window.document$) window.document$.subscribe(addButtons);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", addButtons);
  else addButtons();
})();
