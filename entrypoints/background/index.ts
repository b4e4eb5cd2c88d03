import { defineBackground } from 'wxt/utils/define-background';
import { setUpContextMenu } from '../../utils/card/context-menu';
import { setUpLookups } from '../../utils/registry/setup';

// The service worker only wires modules together; lookups, messaging and the context menu live in utils/.
export default defineBackground({
  type: 'module',
  main() {
    setUpLookups();
    setUpContextMenu();
  },
});
