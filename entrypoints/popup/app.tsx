import { PopupView } from '../../components/popup/popup-view';

/** The popup: search, "On this page" and company details (components/popup). */
export function App() {
  return <PopupView />;
}
