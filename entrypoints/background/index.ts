import { defineBackground } from 'wxt/utils/define-background';
import { setUpContextMenu } from '../../utils/background/context-menu';
import { setUpLookups } from '../../utils/background/set-up-lookups';

// The service worker only wires modules together; lookups, messaging and the context menu live in utils/.
export default defineBackground({
  type: 'module',
  main() {
    setUpLookups();
    setUpContextMenu();
  },
});
