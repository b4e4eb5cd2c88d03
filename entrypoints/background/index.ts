import { defineBackground } from 'wxt/utils/define-background';
import { setUpContextMenu } from '../../utils/background/context-menu';
import { setUpLookups } from '../../utils/background/set-up-lookups';
import { setUpStorageAccess } from '../../utils/background/storage-access';

// The service worker only wires modules together; storage access, lookups, messaging and the context menu live in
// utils/.
export default defineBackground({
  type: 'module',
  main() {
    setUpStorageAccess();
    setUpLookups();
    setUpContextMenu();
  },
});
