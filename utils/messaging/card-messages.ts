// The card's channel: the background asks a frame's content script to open the card (the context menu). Zod-free: the
// content script imports it, and checks each request with the small guard below.
import { IDENTIFIER_KINDS, type Checksum, type IdentifierKind } from '../identifiers/types';
import type { SyncHandlerMap } from './handler-map';

/** The message type of OpenCardRequest. */
export const OPEN_CARD = 'company-lens:open-card';

/** Open the card for a number at the current selection; `checksum` as the background's parser found it. */
export interface OpenCardRequest {
  type: typeof OPEN_CARD;
  kind: IdentifierKind;
  value: string;
  checksum: Exclude<Checksum, 'invalid'>;
}

/** The content script's answer: `opened` false when it cannot place a card (site switched off, no document). */
export interface OpenCardResponse {
  opened: boolean;
}

/** Every request of the card's channel. */
export type CardRequest = OpenCardRequest;

/** The answer of each request type. */
export interface CardResponses {
  [OPEN_CARD]: OpenCardResponse;
}

/** What the content script answers the card's channel with. */
export type CardHandlers = SyncHandlerMap<CardRequest, CardResponses>;

/** True for a well-formed request of the card's channel. */
export function isCardRequest(message: unknown): message is CardRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return (
    m.type === OPEN_CARD &&
    typeof m.kind === 'string' &&
    (IDENTIFIER_KINDS as readonly string[]).includes(m.kind) &&
    typeof m.value === 'string' &&
    /^[0-9A-Z+*]{2,20}$/.test(m.value) &&
    (m.checksum === 'valid' || m.checksum === 'none')
  );
}
