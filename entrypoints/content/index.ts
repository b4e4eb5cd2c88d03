import { defineContentScript } from 'wxt/utils/define-content-script';
import { loadCardUi } from '../../utils/card/card-ui-loader';
import { setUpCard } from '../../utils/card/set-up-card';
import { loadEngine } from '../../utils/page/engine-loader';
import { ownContext } from '../../utils/page/script-context';
import { setUpPageScan } from '../../utils/page/set-up-page-scan';
import './style.css';

// Runs in every frame (each frame needs its own ::highlight rules, which only the manifest CSS can give it without
// adding a <style> to the page); it only wires the scanner, highlighter and the card's loader together (hover tracking and the card load with the
// first highlighted number, utils/card/).
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  allFrames: true,
  matchAboutBlank: true,
  main(wxtCtx) {
    const ctx = ownContext(wxtCtx);
    const scan = setUpPageScan(ctx, { load: loadEngine });
    setUpCard(ctx, scan, loadCardUi);
  },
});
