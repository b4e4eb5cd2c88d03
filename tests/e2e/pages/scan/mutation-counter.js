// The page's own MutationObserver, started once parsing is done (the content script runs later, at document_idle):
// it records every mutation of the document, so a test can compare it with the changes the page made itself.
window.__mutations = [];
document.addEventListener('DOMContentLoaded', () => {
  new MutationObserver((records) => {
    for (const r of records) window.__mutations.push(`${r.type}:${r.target.nodeName}:${r.attributeName ?? ''}`);
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
});
