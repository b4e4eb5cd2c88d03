import { PopupView } from '../../components/popup/popup-view';
import { targetFromHash } from '../../utils/popup/popup-hash';

/** The popup: search, "On this page" and company details (components/popup). */
export function App() {
  return <PopupView start={targetFromHash(location.hash)} />;
}
