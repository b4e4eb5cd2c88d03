// What the card controller and the card's view agree on: the model shown, the actions the view can ask for, and the
// root the view renders into. The controller (utils) and the view (components) both import this; neither the other.
import type { ScriptContext } from '../page/script-context';
import type { Checksum, IdentifierKind } from '../identifiers/types';
import type { OpenDataView } from '../open-data-follow';
import type { HelpAnchor } from '../error-messages';
import type { LookupResult } from '../registry/domain';

/** Where the card's lookup is: waiting for a click (lookupTrigger 'click'), on its way, answered, or no answer. */
export type CardLookup =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'done'; result: LookupResult }
  | { state: 'failed' }
  /** The number fails its check: nothing is sent. */
  | { state: 'skipped' };

/** What the card shows: one identifier and its lookup. */
export interface CardModel {
  kind: IdentifierKind;
  value: string;
  /** The number's own check, as the scan (or the background's parser) found it. */
  checksum: Checksum;
  lookup: CardLookup;
  /** KVK's open data, once the user asked for it (`asking` until the first answer). */
  openData?: OpenDataView | 'asking';
}

/** What the card can ask its owner to do. */
export interface CardActions {
  onLookup(): void;
  onDetails(): void;
  /** Fetches KVK's free open data of the card's KVK number (only on this click). */
  onOpenData(): void;
  onOptions(): void;
  /** Opens the help page section that explains an error (a refused certificate). */
  onHelp(anchor: HelpAnchor): void;
  onClose(): void;
}

/** The mounted card root: render a model into it, clear it, and the host (for "is this event ours?"). */
export interface CardRoot {
  host: HTMLElement;
  /** The card element after a render (null when cleared). */
  readonly card: HTMLElement | null;
  show(model: CardModel, actions: CardActions): void;
  clear(): void;
}

/** Creates the card's root in the page (its closed shadow root), once per content script. */
export type CardRootFactory = (ctx: ScriptContext) => Promise<CardRoot>;
