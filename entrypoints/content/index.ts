import { defineContentScript } from 'wxt/utils/define-content-script';

// Runs on every page; it only wires the scanner, highlighter, hover tracker and card together (see utils/page/).
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main() {},
});
