import { defineBackground } from 'wxt/utils/define-background';

// The service worker only wires modules together; lookups, messaging and the context menu live in utils/.
export default defineBackground({
  type: 'module',
  main() {},
});
